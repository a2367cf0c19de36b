using System.Globalization;
using System.Text;
using System.Xml;

namespace Parley.Core.Import;

/// <summary>
/// Streams a WordPress eXtended RSS export (WXR 1.0 to 1.2): authors, terms and items are handed over one
/// at a time as their elements close, so memory stays bounded by the largest item, never the file. The
/// XML reader refuses DTDs (so no entity is ever declared, expanded or fetched) and resolves nothing.
/// </summary>
public sealed partial class WxrReader : IDisposable
{
    /// <summary>Longest text kept from one element; longer text is cut and its item marked <see cref="WxrItem.Oversized"/>.</summary>
    public const int MaxFieldLength = 4_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // Without a DTD no entity can be declared; this is a second wall. (0 would mean "no limit".)
        MaxCharactersFromEntities = 1024,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        // Character references to control characters are dropped while reading instead of failing the file.
        CheckCharacters = false,
        CloseInput = false,
    };

    private static readonly string DtdProhibited = ProbeDtdMessage();

    private readonly WxrText _text;
    private readonly XmlReader _xml;
    private readonly char[] _chunk = new char[8192];
    private State _state = State.Start;
    private int _channelDepth;
    private bool _sawRoot;
    private bool _cut;
    private string? _title, _link, _baseSite, _baseBlog, _version;

    private enum State { Start, InChannel, Done }

    private WxrReader(WxrText text)
    {
        _text = text;
        _xml = XmlReader.Create(text, Settings);
    }

    /// <summary>Starts reading <paramref name="stream"/>; it is read forwards only and left open.</summary>
    public static WxrReader Open(Stream stream) => new(WxrText.Open(stream));

    /// <summary>What the channel said about the site so far (complete once reading has passed the channel's header).</summary>
    public WxrSite Site => new(_title, _link, _baseSite, _baseBlog, _version);

    /// <summary>Whole items handed over so far.</summary>
    public int ItemsRead { get; private set; }

    /// <summary>Things that were repaired while reading (encoding, invalid bytes), for the report.</summary>
    public IEnumerable<string> Repairs
    {
        get
        {
            if (_text.EncodingNote is { } note) yield return note;
            if (_text.InvalidBytes > 0)
                yield return $"{_text.InvalidBytes:N0} byte(s) were not valid {_text.EncodingName} and were replaced with \uFFFD.";
            if (_text.RemovedCharacters > 0)
                yield return $"{_text.RemovedCharacters:N0} control character(s) that XML does not allow were removed.";
        }
    }

    /// <summary>
    /// The records of the file in order. Throws <see cref="WxrFormatException"/> when the file is not a
    /// WordPress export, or stops being readable; every record handed over before that is whole.
    /// </summary>
    public IEnumerable<WxrRecord> Records()
    {
        while (Next() is { } record) yield return record;
    }

    private WxrRecord? Next()
    {
        try
        {
            return NextRecord();
        }
        catch (XmlException e)
        {
            throw Translate(e);
        }
    }

    private WxrRecord? NextRecord()
    {
        if (_state == State.Start)
        {
            EnterChannel();
            _state = State.InChannel;
        }
        while (_state == State.InChannel)
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _channelDepth)
            {
                _state = State.Done;
                RequireVersion();
                break;
            }
            if (_xml.NodeType != XmlNodeType.Element)
            {
                Advance();
                continue;
            }
            var ns = _xml.NamespaceURI;
            var name = _xml.LocalName;
            if (ns.Length == 0)
            {
                switch (name)
                {
                    case "title": Keep(ref _title, Scalar()); continue;
                    case "link": Keep(ref _link, Scalar()); continue;
                    case "item":
                        RequireVersion();
                        var item = ReadItem();
                        ItemsRead++;
                        return item;
                }
            }
            else if (WxrNames.IsWordPress(ns))
            {
                switch (name)
                {
                    case "wxr_version":
                        Keep(ref _version, Scalar());
                        if (!IsSupported(_version)) throw new WxrFormatException(WxrProblem.UnsupportedVersion, ImportMessages.UnsupportedVersion(_version ?? ""));
                        continue;
                    case "base_site_url": Keep(ref _baseSite, Scalar()); continue;
                    case "base_blog_url": Keep(ref _baseBlog, Scalar()); continue;
                    case "author": RequireVersion(); return ReadAuthor();
                    case "category": RequireVersion(); return ReadCategory();
                    case "tag": RequireVersion(); return ReadTag();
                    case "term": RequireVersion(); return ReadTerm();
                }
            }
            _xml.Skip();
        }
        return null;
    }

    private void EnterChannel()
    {
        if (!_xml.Read() || _xml.MoveToContent() != XmlNodeType.Element)
            throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.Empty);
        _sawRoot = true;
        if (_xml.LocalName != "rss" || _xml.NamespaceURI.Length != 0)
            throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.NotRss(_xml.Name));
        if (_xml.IsEmptyElement) throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.NoChannel);
        var rssDepth = _xml.Depth;
        Advance();
        while (!(_xml.NodeType == XmlNodeType.Element && _xml.Depth == rssDepth + 1 && _xml.LocalName == "channel" && _xml.NamespaceURI.Length == 0))
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == rssDepth) throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.NoChannel);
            if (_xml.NodeType == XmlNodeType.Element) _xml.Skip();
            else Advance();
        }
        if (_xml.IsEmptyElement) throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.NoVersion);
        _channelDepth = _xml.Depth;
        Advance();
    }

    private void RequireVersion()
    {
        if (_version is null) throw new WxrFormatException(WxrProblem.NotWxr, ImportMessages.NoVersion);
    }

    private static bool IsSupported(string? version) =>
        version is { Length: >= 3 } v && v.StartsWith("1.", StringComparison.Ordinal) && v[2..].All(char.IsAsciiDigit);

    /// <summary>Moves on one node; the XML reader itself reports a file that ends inside an element.</summary>
    private void Advance()
    {
        if (!_xml.Read()) throw new XmlException("Unexpected end of file.", null, _text.Lines, 1);
    }

    private Exception Translate(XmlException e)
    {
        if (!_sawRoot && !_text.SawContent) return new WxrFormatException(WxrProblem.NotWxr, ImportMessages.Empty);
        if (!_sawRoot && StripPosition(e.Message) == DtdProhibited)
            return new WxrFormatException(WxrProblem.Doctype, ImportMessages.Doctype, e.LineNumber, e.LinePosition, 0, e);
        // An error on the last line of a file that was read to its end: the file was cut short.
        if (_text.ReachedEnd && e.LineNumber >= _text.Lines)
            return new WxrFormatException(WxrProblem.Truncated, ImportMessages.Truncated(e.LineNumber, e.LinePosition, ItemsRead), e.LineNumber, e.LinePosition, ItemsRead, e);
        return new WxrFormatException(WxrProblem.NotWellFormed, ImportMessages.NotWellFormed(StripPosition(e.Message).TrimEnd('.'), e.LineNumber, e.LinePosition, ItemsRead),
            e.LineNumber, e.LinePosition, ItemsRead, e);
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    // The framework's own wording for a refused DTD, learned once, so the check does not depend on the language of its messages.
    private static string ProbeDtdMessage()
    {
        try
        {
            using var probe = XmlReader.Create(new StringReader("<!DOCTYPE a><a/>"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (probe.Read()) { }
        }
        catch (XmlException e)
        {
            return StripPosition(e.Message);
        }
        return "\0";
    }

    public void Dispose()
    {
        _xml.Dispose();
        _text.Dispose();
    }
}
