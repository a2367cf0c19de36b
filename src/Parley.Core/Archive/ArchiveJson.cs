using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Core.Archive;

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
