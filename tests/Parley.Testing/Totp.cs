using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Parley.Testing;

/// <summary>
/// Time-based one-time passwords (RFC 6238) as an authenticator app computes them: HMAC-SHA1,
/// 30-second steps, 6 digits. That is what ASP.NET Core Identity's authenticator token provider
/// checks, against the base32 key it hands the person (RFC 4648).
/// </summary>
/// <remarks>
/// Identity checks codes against its own clock (the real one, not a test's <c>FakeTimeProvider</c>),
/// allowing two steps either way; pass the time Identity will see.
/// </remarks>
public static class Totp
{
    private const int StepSeconds = 30;

    /// <summary>The 6-digit code for <paramref name="base32Secret"/> at <paramref name="at"/>.</summary>
    /// <param name="base32Secret">The key as shown to a person: any case, spaces and padding allowed.</param>
    public static string Code(string base32Secret, DateTimeOffset at) => Code(Base32Decode(base32Secret), at);

    /// <summary>The code of <paramref name="digits"/> digits for a raw key at <paramref name="at"/>.</summary>
    public static string Code(byte[] key, DateTimeOffset at, int digits = 6)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The truncated value has 31 bits; more than 9 digits would only pad it with zeros.
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        var seconds = at.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(at));

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(counter, (ulong)(seconds / StepSeconds));
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);

        // RFC 4226 §5.3, dynamic truncation: the low nibble of the last byte picks four bytes.
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadUInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFF_FFFF;
        var modulus = (uint)Math.Pow(10, digits);
        return (value % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>Decodes RFC 4648 base32, ignoring case, white space, hyphens and '=' padding.</summary>
    public static byte[] Base32Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '=') continue;
            buffer = (buffer << 5) | Base32Value(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        // Up to 7 bits left over are the zero padding of the last group (RFC 4648 §6).
        return [.. bytes];
    }

    private static int Base32Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => throw new FormatException($"'{c}' is not a base32 character (A–Z, 2–7)."),
    };
}
