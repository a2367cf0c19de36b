using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Core.Media;
using Parley.Testing;

namespace Parley.Data.Tests.Import;

/// <summary>
/// <c>--media download</c>: attachments fetched from the old site (a file server on loopback here) into the media
/// library, content pointing at the copies; every file that cannot be fetched is a line in the report and stays a
/// link; addresses off the public internet are refused; a second import fetches nothing again.
/// </summary>
public sealed class MediaDownloadImportTests
{
    private const string Uploads = "/wp-content/uploads/2019/05/";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Attachments_are_downloaded_into_the_library_and_content_points_at_them(DatabaseProvider provider)
    {
        var mediaRoot = TestFolders.Create("import-media");
        try
        {
            await using var server = await StartOldSiteAsync();
            await using var site = await ImportSite.CreateAsync(provider);
            var o = server.Origin;
            var xml = ImportSite.Wxr(
                ImportSite.Attachment(10, o + Uploads + "photo.jpg", parent: 1, alt: "A photo") +
                ImportSite.Attachment(11, o + "/old/diagram.png", parent: 1, alt: "A diagram") +
                ImportSite.Attachment(12, o + Uploads + "missing.jpg", parent: 1) +
                ImportSite.Attachment(13, o + Uploads + "page.jpg", parent: 1) +
                ImportSite.Attachment(14, o + Uploads + "huge.jpg", parent: 1) +
                ImportSite.Attachment(15, o + Uploads + "chunked.jpg", parent: 1) +
                ImportSite.Attachment(16, o + Uploads + "slow.jpg", parent: 1) +
                ImportSite.Attachment(17, o + Uploads + "ev%C3%AEl%20%E2%80%AEgpj.exe%20%3Cname%3E.png", parent: 1) +
                ImportSite.Attachment(18, o + Uploads + "passwd.png", parent: 1, attachedFile: "../../etc/passwd") +
                ImportSite.Attachment(19, o + "/loop.jpg", parent: 1) +
                ImportSite.Post(1, "With pictures",
                    $"""<a href="{o}{Uploads}photo.jpg"><img class="wp-image-10" src="{o}{Uploads}photo-300x169.jpg" srcset="{o}{Uploads}photo-300x169.jpg 300w" alt="Photo" /></a>""" +
                    $"\n\n[caption id=\"attachment_12\" width=\"300\"]<img src=\"{o}{Uploads}missing.jpg\" alt=\"gone\" /> Gone[/caption]\n\n[gallery ids=\"10,11\"]",
                    extra: "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>10</wp:meta_value></wp:postmeta>"));
            var downloads = new MediaDownloads { MediaRoot = mediaRoot, AllowLoopback = true, Timeout = TimeSpan.FromSeconds(3) };

            var report = await site.ImportAsync(xml, downloads);

            Assert.True(report.Completed);
            Assert.Equal(1, report.Posts);
            Assert.Equal(3, report.Downloaded);     // photo, diagram (through a redirect), the oddly named one
            Assert.Equal(6, report.NotDownloaded);
            Assert.Equal(9, report.Attachments);    // the one climbing out of its folder is not recorded at all
            Reason(report, 12, "answered 404");
            Reason(report, 13, "not an image");
            Reason(report, 14, "the limit is 20 MB");
            Reason(report, 15, "the limit is 20 MB");
            Reason(report, 16, "did not arrive within 3 seconds");
            Reason(report, 19, "redirected more than 5 times");
            Assert.Contains(report.Notes, n => n.Item.StartsWith("Attachment 18", StringComparison.Ordinal) && n.Reason.Contains("climbs out", StringComparison.Ordinal));

            await using var db = site.Db.NewContext();
            var local = await db.MediaItems.AsNoTracking().Where(m => m.StoragePath != null).OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, local.Count);
            var photo = local[0];
            Assert.Equal("A photo", photo.AltText);
            Assert.Equal("Caption 10", photo.Caption);
            Assert.Equal(1600, photo.Width);
            Assert.Equal("320,768,1280", photo.Variants);   // the same copies as an upload
            Assert.Equal("evîl gpj.exe <name>.png", local[2].OriginalFileName);   // shown only; never a path
            foreach (var item in local)
            {
                Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{16}\.(jpg|png)$", item.StoragePath);
                Assert.True(File.Exists(Path.Combine(mediaRoot, item.StoragePath!)));
            }
            Assert.Empty(Directory.GetFiles(mediaRoot, "*passwd*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(Path.Combine(mediaRoot, ".incoming")));
            var linked = await db.MediaItems.AsNoTracking().SingleAsync(m => m.Url == o + Uploads + "missing.jpg", TestContext.Current.CancellationToken);
            Assert.Null(linked.StoragePath);

            var post = await db.Posts.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(photo.Id, post.FeaturedImageId);
            Assert.Contains($"]({photo.Url})", post.BodySource, StringComparison.Ordinal);   // the resized copy in the text, and the link
            Assert.Contains(local[1].Url, post.BodySource, StringComparison.Ordinal);          // the gallery's diagram
            Assert.DoesNotContain(Uploads + "photo", post.BodySource, StringComparison.Ordinal);
            Assert.Contains(o + Uploads + "missing.jpg", post.BodySource, StringComparison.Ordinal);   // not fetched: still a link
            Assert.Contains("srcset=\"/media/", post.BodyHtml, StringComparison.Ordinal);              // Parley's own copies

            // Importing again fetches nothing: the files were taken once.
            var hits = server.Hits(Uploads + "photo.jpg");
            var again = await site.ImportAsync(xml, downloads);
            Assert.Equal(0, again.Downloaded);
            Assert.Equal(0, again.Posts);
            Assert.Equal(hits, server.Hits(Uploads + "photo.jpg"));
            Assert.Equal(3, await db.MediaItems.CountAsync(m => m.StoragePath != null, TestContext.Current.CancellationToken));
        }
        finally
        {
            TestFolders.Delete(mediaRoot);
        }
    }

    [Fact]
    public async Task Addresses_off_the_public_internet_are_refused_file_by_file()
    {
        var mediaRoot = TestFolders.Create("import-media");
        try
        {
            await using var server = await StartOldSiteAsync();
            await using var site = await ImportSite.CreateAsync(DatabaseProvider.Sqlite);
            var xml = ImportSite.Wxr(
                ImportSite.Attachment(10, $"http://127.0.0.1:{server.Port}{Uploads}photo.jpg", parent: 1) +
                ImportSite.Attachment(11, "http://10.0.0.1/wp-content/uploads/a.jpg", parent: 1) +
                ImportSite.Attachment(12, "http://169.254.169.254/latest/meta-data/iam.jpg", parent: 1) +
                ImportSite.Attachment(13, $"http://localhost:{server.Port}/to-loopback.jpg", parent: 1) +
                ImportSite.Post(1, "Pictures", $"<img src=\"http://127.0.0.1:{server.Port}{Uploads}photo.jpg\" alt=\"p\" />"));

            // Loopback not allowed (the default): even a redirect from a public-looking start could not reach it.
            var report = await site.ImportAsync(xml, new MediaDownloads { MediaRoot = mediaRoot });

            Assert.True(report.Completed);
            Assert.Equal(1, report.Posts);
            Assert.Equal(0, report.Downloaded);
            Assert.Equal(4, report.NotDownloaded);
            foreach (var id in new[] { 10, 11, 12, 13 }) Reason(report, id, "not on the public internet");
            Assert.Equal(0, server.Hits(Uploads + "photo.jpg"));
            await using var db = site.Db.NewContext();
            Assert.Equal(4, await db.MediaItems.CountAsync(m => m.StoragePath == null, TestContext.Current.CancellationToken));
            Assert.False(Directory.EnumerateFiles(mediaRoot, "*", SearchOption.AllDirectories).Any());
        }
        finally
        {
            TestFolders.Delete(mediaRoot);
        }
    }

    private static void Reason(ImportReport report, int attachment, string expected) =>
        Assert.Contains(report.Notes, n => n.Item.StartsWith($"Attachment {attachment} ", StringComparison.Ordinal)
                                           && n.Reason.Contains("was not downloaded", StringComparison.Ordinal)
                                           && n.Reason.Contains(expected, StringComparison.Ordinal));

    private static Task<FileServer> StartOldSiteAsync() => FileServer.StartAsync(
        new Dictionary<string, (byte[], string)>
        {
            [Uploads + "photo.jpg"] = (TestImages.JpegWithLocation(1600, 900), "image/jpeg"),
            [Uploads + "diagram.png"] = (TestImages.Png(400, 300), "image/png"),
            [Uploads + "page.jpg"] = ("<html>Not found, nicely</html>"u8.ToArray(), "text/html"),
            [Uploads + "evîl \u202egpj.exe <name>.png"] = (TestImages.Png(40, 30), "image/png"),
            [Uploads + "passwd.png"] = (TestImages.Png(40, 30), "image/png"),
        },
        app =>
        {
            app.MapGet("/old/diagram.png", () => Results.Redirect(Uploads + "diagram.png"));
            app.MapGet("/loop.jpg", () => Results.Redirect("/loop.jpg"));
            app.MapGet("/to-loopback.jpg", () => Results.Redirect(Uploads + "photo.jpg"));
            // Says it is 21 MB: refused before reading.
            app.MapGet(Uploads + "huge.jpg", async (HttpContext http) =>
            {
                http.Response.ContentType = "image/jpeg";
                http.Response.ContentLength = 21L * 1024 * 1024;
                await WriteQuietlyAsync(http, 21 * 1024 * 1024);
            });
            // Says nothing of its size and sends 21 MB: refused while reading, at the limit.
            app.MapGet(Uploads + "chunked.jpg", async (HttpContext http) =>
            {
                http.Response.ContentType = "image/jpeg";
                await WriteQuietlyAsync(http, 21 * 1024 * 1024);
            });
            // Never answers (until the client gives up).
            app.MapGet(Uploads + "slow.jpg", async (HttpContext http) =>
            {
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); }
                catch (OperationCanceledException) { }
            });
        });

    private static async Task WriteQuietlyAsync(HttpContext http, int bytes)
    {
        var chunk = new byte[64 * 1024];
        chunk[0] = 0xFF; chunk[1] = 0xD8; chunk[2] = 0xFF;   // a JPEG's first bytes
        try
        {
            for (var sent = 0; sent < bytes; sent += chunk.Length)
                await http.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, bytes - sent)), http.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException) { }
    }
}
