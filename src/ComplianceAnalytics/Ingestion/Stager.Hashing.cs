using System.Security.Cryptography;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>Hashing: the file's SHA-256 (its identity in the ledger) and the customers' keys (HMAC, contract §5).</summary>
internal sealed partial class Stager
{
    /// <summary>The file's SHA-256 (lower-case hex) and size.</summary>
    private static (string Sha256, long Size) HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>
    /// Computes customer_key for each distinct (email, phone) pair of the rows the file may load, in C#,
    /// where the HMAC key lives; the clear values exist only in the work tables of the file.
    /// </summary>
    private void PseudonymiseCustomers(WorkTables table)
    {
        var pairs = new List<(string? Email, string? Phone)>();
        using (var reader = Db.Query($"""
            SELECT DISTINCT s.customer_email, s.customer_phone
            FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
            WHERE c.file_fate IS NULL AND (s.customer_email IS NOT NULL OR s.customer_phone IS NOT NULL)
            """))
        {
            while (reader.Read())
            {
                pairs.Add((reader.IsNull(0) ? null : reader.GetString(0), reader.IsNull(1) ? null : reader.GetString(1)));
            }
        }

        Db.Execute($"CREATE OR REPLACE TABLE {table.CustomerKeys} (email VARCHAR, phone VARCHAR, customer_key VARCHAR)");
        using var appender = Db.CreateAppender(table.CustomerKeysName, null, WorkTables.Database);
        foreach (var (email, phone) in pairs)
        {
            var identifier = Pseudonymiser.NormaliseEmail(email) ?? Pseudonymiser.NormalisePhone(phone);
            appender.Append(email).Append(phone).Append(identifier is null ? null : _pseudonymiser.KeyFor(identifier)).EndRow();
        }
    }
}
