using System.Text.Json;

namespace Parley.Core.Archive;

/// <summary>Every message the archive commands show, kept together.</summary>
internal static class ArchiveMessages
{
    public static string NoFolder(string path) => File.Exists(path) ? $"{path} is a file; give the archive's folder." : $"There is no folder {path}.";
    public static string NoManifest(string path) => $"{path} is not a Parley archive: it has no {ArchiveFormat.ManifestFile}.";
    public static string NotAnArchive(string path) => $"{path} is not a Parley archive (the manifest names another format).";
    public static string Newer(int version) => $"This archive is format version {version}; this Parley reads version {ArchiveFormat.Version} and older. Update Parley first.";
    public static string BadVersion(int version) => $"The archive names format version {version}, which does not exist.";
    public static string BadJson(string file, JsonException ex) => $"{file} is not valid JSON{ArchiveJson.Where(ex)}: the archive is damaged.";
    public static string TooLarge(string file) => $"{file} is larger than any Parley manifest; the archive is damaged.";
    public static string UnknownSection(string section) => $"The archive has a section '{section}' this Parley does not know; was it made by a newer version?";
    public static string MissingSection(string section) => $"The archive has no '{section}' section; it is incomplete.";
    public static string BadEntry => $"{ArchiveFormat.ManifestFile} lists a file without a section, path, size or hash: the archive is damaged.";
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
