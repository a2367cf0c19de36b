namespace Parley.Core.Import;

/// <summary>
/// Checks an attachment's address before Parley records it as a link. Nothing is downloaded, but the address
/// ends up in pages: it must be http or https, absolute (a relative one is taken against the old site), and its
/// file name may not climb out of its folder (<c>../</c>, also percent-encoded or with backslashes).
/// </summary>
internal static class AttachmentLinks
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".jpe"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".avif"] = "image/avif", [".svg"] = "image/svg+xml", [".bmp"] = "image/bmp", [".ico"] = "image/x-icon",
        [".tif"] = "image/tiff", [".tiff"] = "image/tiff", [".heic"] = "image/heic", [".mp4"] = "video/mp4", [".m4v"] = "video/mp4",
        [".mov"] = "video/quicktime", [".webm"] = "video/webm", [".ogv"] = "video/ogg", [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg", [".wav"] = "audio/wav", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
        [".doc"] = "application/msword", [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".txt"] = "text/plain",
    };

    /// <summary>The absolute address, or the reason it cannot be kept.</summary>
    public static (Uri? Url, string? Problem) Check(string? raw, string? attachedFile, Uri? site)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, "It has no file address.");
        raw = raw.Trim();
        if (ClimbsOut(raw) || (attachedFile is not null && ClimbsOut(attachedFile)))
            return (null, "Its file name climbs out of its folder (\"../\"); it was not recorded.");
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            if (site is null || !Uri.TryCreate(site, raw, out uri)) return (null, $"Its address \"{raw}\" cannot be read.");
        }
        if (uri.Scheme is not ("http" or "https")) return (null, $"Its address is not http or https (\"{uri.Scheme}:\").");
        if (uri.UserInfo.Length > 0) return (null, "Its address carries a user name or password.");
        if (uri.AbsoluteUri.Length > 500) return (null, "Its address is longer than 500 characters.");
        return (uri, null);
    }

    public static string ContentType(Uri url) =>
        Types.TryGetValue(Path.GetExtension(url.AbsolutePath), out var type) ? type : "application/octet-stream";

    public static string? FileName(Uri url) =>
        Uri.UnescapeDataString(url.Segments.LastOrDefault() ?? "").Trim('/') is { Length: > 0 } name ? name : null;

    private static bool ClimbsOut(string value)
    {
        var decoded = value;
        // Decode twice: "%252e%252e" is "%2e%2e" is "..".
        for (var i = 0; i < 2; i++) decoded = Uri.UnescapeDataString(decoded);
        decoded = decoded.Replace('\\', '/');
        return decoded.Split('/', '?', '#').Any(segment => segment == "..");
    }
}
