using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetVips;
using Parley.Core.Data;
using Parley.Core.Settings;

namespace Parley.Core.Media;

/// <summary>
/// The media library's rules: what an upload may be, how it is stored (original without metadata,
/// resized copies), which posts use an item, and when it may be deleted. The admin pages and the
/// API call this; nothing else writes media rows or files.
/// </summary>
public sealed class MediaLibrary(ParleyDbContext db, SettingsService settings, TimeProvider clock, ILogger<MediaLibrary> log)
{
    /// <summary>
    /// Stores an uploaded image. The format is judged by the file's bytes, never by
    /// <paramref name="fileName"/> or <paramref name="declaredContentType"/> (kept only to log a
    /// mismatch); size, dimensions and frame count are checked before any pixel is decoded.
    /// <paramref name="mediaRoot"/> is the folder served at <c>/media</c> (<c>ParleyOptions.MediaPath</c>).
    /// </summary>
    /// <exception cref="ValidationFailedException">Refused, with a message for the person (field <c>file</c>, or
    /// <c>altText</c>/<c>caption</c> when <paramref name="text"/> is too long).</exception>
    public async Task<MediaItem> UploadAsync(Stream content, string? fileName, string? declaredContentType, string mediaRoot,
        string uploaderId, MediaText? text = null, CancellationToken ct = default)
    {
        var (alt, caption) = CheckText(text?.AltText, text?.Caption);
        Vips.EnsureConfigured();
        mediaRoot = Path.GetFullPath(mediaRoot);
        using var spool = await UploadSpool.ReadAsync(content, Path.Combine(mediaRoot, ".incoming"), ct);
        var format = MediaFormat.Sniff(spool.Head) ?? throw Refused(MediaMessages.NotAnImage);
        if (declaredContentType is not null && !string.Equals(declaredContentType, format.ContentType, StringComparison.OrdinalIgnoreCase))
            log.LogInformation("An upload declared as {Declared} is a {Format} image; stored as {Format}.", declaredContentType, format, format);

        var now = clock.GetUtcNow().UtcDateTime;
        var folder = MediaFiles.Folder(now);
        var stem = MediaFiles.NewName();
        var files = new FileBatch();
        try
        {
            // libvips works synchronously and uses its own threads; keep it off the request's thread.
            var result = await Task.Run(() =>
            {
                var header = ReadHeader(spool.Path, format);
                MediaImages.CheckLimits(header, format);
                var target = Path.Combine(mediaRoot, folder);
                Directory.CreateDirectory(target);
                return MediaImages.Write(spool.Path, format, header, target, stem, files, ct);
            }, ct);

            var storagePath = $"{folder}/{MediaFiles.FileName(stem, null, format.Extension)}";
            var item = new MediaItem
            {
                Url = MediaFiles.UrlPrefix + storagePath,
                ContentType = format.ContentType,
                Width = result.Width,
                Height = result.Height,
                SizeBytes = result.OriginalBytes,
                CreatedAt = now,
                StoragePath = storagePath,
                Variants = string.Join(',', result.VariantWidths),
                Animated = result.Animated,
                UploadedById = uploaderId,
                OriginalFileName = UploadNames.Clean(fileName),
                AltText = alt,
                Caption = caption,
            };
            db.MediaItems.Add(item);
            await db.SaveChangesAsync(ct);
            return item;
        }
        catch (VipsException e)
        {
            files.DeleteAll();
            log.LogWarning(e, "A {Format} upload could not be decoded or written.", format);
            throw Refused(MediaMessages.Unreadable);
        }
        catch
        {
            files.DeleteAll();
            throw;
        }
    }

    private static MediaImages.Header ReadHeader(string path, MediaFormat format)
    {
        try { return MediaImages.ReadHeader(path, format); }
        catch (VipsException) { throw Refused(MediaMessages.Unreadable); }
    }

    /// <inheritdoc cref="MediaSources.SrcSet"/>
    public static string SrcSet(MediaItem item, bool webp) => MediaSources.SrcSet(item, webp);

    /// <inheritdoc cref="MediaSources.Sizes"/>
    public static string? Sizes(MediaItem item, int slotWidth = MediaSources.DefaultSlotWidth) => MediaSources.Sizes(item, slotWidth);

    /// <summary>
    /// Posts (of any status, trash included: it can be restored) that show the item: as featured
    /// image, or in their Markdown through the original's URL or any copy's.
    /// </summary>
    public async Task<IReadOnlyList<(int PostId, string Title)>> UsedByAsync(int mediaId, CancellationToken ct = default)
    {
        var item = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, ct)
            ?? throw new NotFoundException("The media item");
        return await UsedByAsync(item, ct);
    }

    private async Task<IReadOnlyList<(int PostId, string Title)>> UsedByAsync(MediaItem item, CancellationToken ct)
    {
        var reference = MediaFiles.ReferenceText(item);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.FeaturedImageId == item.Id || p.BodySource.Contains(reference))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        return posts.Select(p => (p.Id, p.Title)).ToList();
    }

    /// <summary>
    /// Deletes the row, then the files. Refused while posts use the item, unless <paramref name="force"/>:
    /// then featured images are cleared and links in post bodies are left to break.
    /// </summary>
    /// <exception cref="ValidationFailedException">In use (field <c>media</c>; the message names the posts).</exception>
    public async Task DeleteAsync(int mediaId, bool force, string mediaRoot, CancellationToken ct = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == mediaId, ct) ?? throw new NotFoundException("The media item");
        var users = await UsedByAsync(item, ct);
        if (users.Count > 0 && !force) throw ValidationFailedException.For("media", MediaMessages.InUse(users));

        // The row goes first: a file left behind by a failed delete is harmless, a row without files is not.
        var files = MediaFiles.OnDisk(item, mediaRoot).ToList();
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(ct);
        if (users.Count > 0) await settings.TouchContentAsync(clock.GetUtcNow().UtcDateTime, ct);
        foreach (var file in files)
            if (!FileBatch.TryDelete(file)) log.LogWarning("Could not delete media file {File}.", file);
    }

    /// <summary>
    /// Records a file that stays where it is (an imported site's attachment kept as a link): an item with the
    /// absolute <see cref="MediaItem.Url"/> and no stored file, usable as a featured image. An item with the same
    /// address is reused, so a file is recorded once however often it is imported.
    /// </summary>
    public async Task<MediaItem> AddLinkAsync(MediaLink link, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || link.Url.Length > 500)
            throw ValidationFailedException.For("Url", "A linked file needs an http or https address of up to 500 characters.");
        if (await db.MediaItems.FirstOrDefaultAsync(m => m.Url == link.Url, ct) is { } existing) return existing;
        var item = new MediaItem
        {
            Url = link.Url, ContentType = link.ContentType, AltText = Cut(link.AltText ?? "", 1000), Caption = string.IsNullOrWhiteSpace(link.Caption) ? null : Cut(link.Caption, 2000),
            CreatedAt = link.CreatedAt, UploadedById = link.UploadedById, OriginalFileName = link.FileName is null ? null : UploadNames.Clean(link.FileName),
        };
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;

        static string Cut(string text, int max) => text.Length <= max ? text.Trim() : text[..max].Trim();
    }

    /// <summary>Sets the alternative text and caption (trimmed; an empty caption is none).</summary>
    /// <exception cref="ValidationFailedException">Too long (fields <c>altText</c>, <c>caption</c>).</exception>
    public async Task UpdateAsync(int id, string? altText, string? caption, CancellationToken ct = default)
    {
        var (alt, text) = CheckText(altText, caption);
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("The media item");
        item.AltText = alt;
        item.Caption = text;
        await db.SaveChangesAsync(ct);
        // Featured images show their alt text on public pages.
        await settings.TouchContentAsync(clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Alt text and caption trimmed and within their limits (an empty caption is none).</summary>
    private static (string Alt, string? Caption) CheckText(string? altText, string? caption)
    {
        var alt = altText?.Trim() ?? "";
        var text = caption?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (alt.Length > MediaLimits.AltText) errors["altText"] = [MediaMessages.AltTextTooLong(alt.Length)];
        if (text.Length > MediaLimits.Caption) errors["caption"] = [MediaMessages.CaptionTooLong(text.Length)];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return (alt, text.Length == 0 ? null : text);
    }

    private static ValidationFailedException Refused(string message) => ValidationFailedException.For("file", message);
}

/// <summary>The words that go with an uploaded image: its alternative text and caption.</summary>
public sealed record MediaText(string? AltText, string? Caption);

/// <summary>A file to record by its address only (see <see cref="MediaLibrary.AddLinkAsync"/>).</summary>
public sealed record MediaLink(string Url, string ContentType, string? AltText, string? Caption, string? FileName, string? UploadedById, DateTime CreatedAt);
