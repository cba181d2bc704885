using System.Security.Cryptography;
using System.Text;

namespace ComplianceAnalytics.Privacy;

/// <summary>
/// Turns a customer's email address or phone number into <c>customer_key</c>: an HMAC-SHA256
/// under a secret key, so that repeat complainants can be counted without anyone being named.
/// Without the key, a key cannot be linked back to a person by hashing guesses.
/// </summary>
public sealed class Pseudonymiser
{
    private readonly byte[] _key;

    /// <summary>A pseudonymiser under <paramref name="key"/> (at least 16 bytes, copied); the same key always gives the same pseudonyms.</summary>
    public Pseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("A pseudonym key needs at least 16 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The pseudonym of a normalised identifier, as 64 lower-case hex digits.</summary>
    public string KeyFor(string normalisedIdentifier)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalisedIdentifier));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Email addresses compare without case or surrounding space.</summary>
    public static string? NormaliseEmail(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : "email:" + trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// Phone numbers compare as digits with the country code: a UK national number
    /// (leading 0) gains 44, an international prefix 00 is dropped, and a trunk (0) after 44 is dropped.
    /// </summary>
    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0)
        {
            return null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = "44" + digits[1..];
        }

        // "+44 (0)7700 900123": the UK trunk 0 written after the country code is dropped, as a
        // UK number never starts with 0 after 44.
        if (digits.StartsWith("440", StringComparison.Ordinal))
        {
            digits = "44" + digits[3..];
        }

        return "phone:" + digits;
    }
}
