using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Core.Import;

/// <summary>
/// Turns an export's bytes into the characters the XML reader sees. The byte-order mark, else the XML
/// declaration, chooses the encoding; a declaration Parley does not know is read as UTF-8. Bytes that are
/// not valid in the encoding become U+FFFD and characters XML forbids (control characters that PHP wrote
/// into old exports) are dropped, rather than refusing the whole file: both are counted, so the report says so.
/// </summary>
internal sealed partial class WxrText : TextReader
{
    private const int SniffLength = 1024;
    private readonly StreamReader _inner;
    private readonly CountingFallback _fallback;

    public string EncodingName { get; }
    /// <summary>Said when the declared encoding was not used, and why.</summary>
    public string? EncodingNote { get; }
    public int InvalidBytes => _fallback.Count;
    public int RemovedCharacters { get; private set; }
    /// <summary>The last read reached the end of the file.</summary>
    public bool ReachedEnd { get; private set; }
    /// <summary>Something other than white space has been read.</summary>
    public bool SawContent { get; private set; }
    /// <summary>Lines handed to the XML reader so far (1-based, like its line numbers).</summary>
    public int Lines { get; private set; } = 1;

    private WxrText(StreamReader inner, CountingFallback fallback, string encodingName, string? note)
    {
        _inner = inner;
        _fallback = fallback;
        EncodingName = encodingName;
        EncodingNote = note;
    }

    static WxrText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static WxrText Open(Stream stream)
    {
        var prefix = new byte[SniffLength];
        var length = 0;
        for (int n; length < prefix.Length && (n = stream.Read(prefix, length, prefix.Length - length)) > 0;) length += n;
        var (name, skip, note) = Sniff(prefix.AsSpan(0, length));
        var fallback = new CountingFallback();
        var encoding = Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, fallback);
        var bytes = new PrefixedStream(prefix, skip, length, stream);
        return new WxrText(new StreamReader(bytes, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true),
            fallback, encoding.WebName, note);
    }

    private static (string Name, int Skip, string? Note) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8)) return ("utf-8", 3, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ("utf-16", 2, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ("utf-16BE", 2, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'<', 0])) return ("utf-16", 0, null);
        if (head.StartsWith((ReadOnlySpan<byte>)[0, (byte)'<'])) return ("utf-16BE", 0, null);

        var declared = Declaration().Match(Encoding.Latin1.GetString(head)) is { Success: true } m ? m.Groups["enc"].Value.Trim() : null;
        if (declared is null) return ("utf-8", 0, null);
        switch (declared.ToLowerInvariant())
        {
            case "utf-8" or "utf8": return ("utf-8", 0, null);
            // ASCII is a subset of UTF-8; "Latin-1" from PHP usually holds Windows' curly quotes too, as browsers assume.
            case "us-ascii" or "ascii": return ("utf-8", 0, null);
            case "iso-8859-1" or "latin1" or "latin-1": return ("windows-1252", 0, null);
            case var other when other.StartsWith("utf-16", StringComparison.Ordinal) || other.StartsWith("utf-32", StringComparison.Ordinal):
                // The declaration was readable as single bytes, so the file is not UTF-16 whatever it says.
                return ("utf-8", 0, $"The file declares the encoding \"{declared}\" but is written in single bytes; it was read as UTF-8.");
        }
        try
        {
            return (Encoding.GetEncoding(declared).WebName, 0, null);
        }
        catch (ArgumentException)
        {
            return ("utf-8", 0, $"The file declares the encoding \"{declared}\", which Parley does not know; it was read as UTF-8.");
        }
    }

    public override int Read(char[] buffer, int index, int count)
    {
        while (true)
        {
            var n = _inner.Read(buffer, index, count);
            if (n == 0)
            {
                ReachedEnd = true;
                return 0;
            }
            var kept = 0;
            for (var i = index; i < index + n; i++)
            {
                var c = buffer[i];
                if (!IsXmlChar(c))
                {
                    RemovedCharacters++;
                    continue;
                }
                if (c == '\n') Lines++;
                else if (!SawContent && !char.IsWhiteSpace(c)) SawContent = true;
                buffer[index + kept++] = c;
            }
            if (kept > 0) return kept;
        }
    }

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    /// <summary>Tab, line feed, carriage return and everything from space up, except the two non-characters.</summary>
    public static bool IsXmlChar(char c) => c >= ' ' ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r';

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?\bencoding\s*=\s*["'](?<enc>[^"']{1,40})["']""")]
    private static partial Regex Declaration();

    /// <summary>Replaces each invalid byte sequence with U+FFFD, like the default, and counts them.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public int Count;
        public override int MaxCharCount => 1;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private int _left;
            public override int Remaining => _left;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count += bytesUnknown.Length;
                _left = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_left == 0) return '\0';
                _left--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_left > 0) return false;
                _left = 1;
                return true;
            }

            public override void Reset() => _left = 0;
        }
    }

    /// <summary>The bytes already taken to sniff the encoding, then the rest of the stream (which it does not close).</summary>
    private sealed class PrefixedStream(byte[] prefix, int start, int length, Stream rest) : Stream
    {
        private int _at = start;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at < length)
            {
                var n = Math.Min(count, length - _at);
                Array.Copy(prefix, _at, buffer, offset, n);
                _at += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
