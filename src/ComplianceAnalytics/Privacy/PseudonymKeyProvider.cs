using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace ComplianceAnalytics.Privacy;

/// <summary>
/// Finds the pseudonym key: the configured one (hex or base64, at least 16 bytes), or else a key
/// file beside the store, created on first use with owner-only permissions. The key itself is
/// never logged or written anywhere else.
/// </summary>
public static partial class PseudonymKeyProvider
{
    /// <summary>The key's bytes: <paramref name="configuredKey"/> decoded when set, else the key file beside <paramref name="databasePath"/> (created when absent); an invalid key throws.</summary>
    public static byte[] Resolve(string? configuredKey, string databasePath, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return Decode(configuredKey.Trim())
                ?? throw new InvalidOperationException("Compliance:PseudonymKey must be at least 16 bytes written as hex or base64.");
        }

        var keyFile = KeyFilePath(databasePath);
        if (File.Exists(keyFile))
        {
            return Decode(File.ReadAllText(keyFile).Trim())
                ?? throw new InvalidOperationException($"The pseudonym key file {keyFile} does not hold a valid key.");
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the moment the file exists: the key must never be readable by others.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(keyFile, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToHexStringLower(key));
        }

        LogCreatedKey(logger, keyFile);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Compliance:PseudonymKey is configured: created a random key in {KeyFile}. Keep it with the store; another key gives other customer keys.")]
    private static partial void LogCreatedKey(ILogger logger, string keyFile);

    /// <summary>The key file that belongs to a store: beside it, named after it.</summary>
    public static string KeyFilePath(string databasePath) =>
        databasePath is ":memory:" or ""
            ? Path.Combine(Path.GetTempPath(), "compliance-memory.key")
            : Path.GetFullPath(databasePath) + ".key";

    /// <summary>Whether <paramref name="text"/> is a usable key: hex or base64 of at least 16 bytes.</summary>
    public static bool IsValidKey(string text) => Decode(text.Trim()) is not null;

    private static byte[]? Decode(string text)
    {
        byte[]? bytes = null;
        if (text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit))
        {
            bytes = Convert.FromHexString(text);
        }
        else
        {
            var buffer = new byte[text.Length];
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                bytes = buffer[..written];
            }
        }

        return bytes is { Length: >= 16 } ? bytes : null;
    }
}
