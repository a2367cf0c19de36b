using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Core.Archive;

/// <summary>The archive cannot be written or read back; the message is one line, for the person running the command.</summary>
public sealed class ArchiveException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How values look in the archive: enums by name, times as ISO 8601 UTC, bytes as base64.</summary>
internal static class ArchiveJson
{
    public static readonly JsonSerializerOptions Values = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The manifest and media list: camelCase, as most JSON people read.</summary>
    public static readonly JsonSerializerOptions Documents = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = Readable };

    // The files are read by people and by Parley, never pasted into HTML: '<' and '+' may stay as they are.
    private static System.Text.Encodings.Web.JavaScriptEncoder Readable => System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = Readable };

    /// <summary>The line of a parse error, for a message a person can act on.</summary>
    public static string Where(JsonException ex) => ex.LineNumber is { } line ? $" (line {line + 1})" : "";
}

/// <summary>Every message the archive commands show, kept together.</summary>
internal static class ArchiveMessages
{
    public static string NoFolder(string path) => $"There is no folder {path}.";
    public static string NoManifest(string path) => $"{path} is not a Parley archive: it has no {ArchiveFormat.ManifestFile}.";
    public static string NotAnArchive(string path) => $"{path} is not a Parley archive (the manifest names another format).";
    public static string Newer(int version) => $"This archive is format version {version}; this Parley reads version {ArchiveFormat.Version} and older. Update Parley first.";
    public static string BadVersion(int version) => $"The archive names format version {version}, which does not exist.";
    public static string BadJson(string file, JsonException ex) => $"{file} is not valid JSON{ArchiveJson.Where(ex)}: the archive is damaged.";
    public static string TooLarge(string file) => $"{file} is larger than any Parley manifest; the archive is damaged.";
    public static string UnknownSection(string section) => $"The archive has a section '{section}' this Parley does not know; was it made by a newer version?";
    public static string MissingSection(string section) => $"The archive has no '{section}' section; it is incomplete.";
    public static string BadDataPath(string section, string path) => $"The manifest places section '{section}' at '{path}', which is not where it belongs.";
    public static string Missing(string file) => $"{file} is missing from the archive.";
    public static string Changed(string file) => $"{file} does not match the manifest (its size or SHA-256 differs): the file was changed or cut short.";
    public static string RowCount(string section, long expected, long found) => $"data/{section}.json has {found} rows but the manifest says {expected}: the archive is damaged.";
    public static string BadRow(string section, long row, string problem) => $"data/{section}.json, row {row}: {problem}";
    public static string Refused(string section, string reason) => $"data/{section}.json could not be written back; the database refused it: {reason}";
    public static string UnsafeMediaPath(string path) => $"The media list names '{path}', which is not a plain relative path inside media/; refusing the archive.";
    public static string DuplicateMedia(string path) => $"The media list names '{path}' twice.";
    public static string NotEmpty(string what) => $"This site is not empty ({what}). An archive is restored only into a new site: point Parley at a new database and data folder, then import.";
    public static string MediaNotEmpty(string folder) => $"The media folder {folder} already has files. An archive is restored only into a new site.";
    public static string TargetNotArchive(string path) => $"{path} exists and is not a Parley archive; choose a new or an empty folder.";
    public static string NoParent(string path) => $"There is no folder {path} to write the archive in.";
}
