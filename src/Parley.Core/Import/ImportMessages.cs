namespace Parley.Core.Import;

/// <summary>What the importer tells the person importing, kept together so the wording stays consistent.</summary>
public static class ImportMessages
{
    public const string Doctype =
        "This file declares a DOCTYPE; WordPress exports never do, and Parley does not read them (they can make a parser fetch files or expand without end).";
    public const string Empty = "The file is empty.";
    public const string NoChannel = "This is not a WordPress export: its <rss> element has no <channel>.";
    public const string NoVersion =
        "This is not a WordPress export: its channel has no wp:wxr_version (WordPress writes one at the top of every export).";

    public static string NotRss(string element) => $"This is not a WordPress export: it starts with <{element}>, not <rss>.";

    public static string UnsupportedVersion(string version) =>
        $"This export says it is WXR version \"{version}\"; Parley reads WordPress exports of versions 1.0 to 1.2 (and later 1.x).";

    public static string Truncated(int line, int position, int items) =>
        $"The file ends in the middle of an element (line {line}, position {position}): it was probably cut short. {Items(items)} read before that.";

    public static string NotWellFormed(string detail, int line, int position, int items) =>
        $"The file is not well-formed XML at line {line}, position {position} ({detail}). {Items(items)} read before that.";

    public static string Items(int n) => n == 1 ? "1 item was" : $"{n:N0} items were";
}
