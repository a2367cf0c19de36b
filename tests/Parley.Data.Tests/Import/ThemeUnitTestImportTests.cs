using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Core.Posts;
using Parley.Testing;

namespace Parley.Data.Tests.Import;

/// <summary>
/// WordPress's Theme Unit Test export (186 items, 2015, WordPress.com) imported whole, on both databases.
/// The expected numbers are the file's own, counted independently of Parley's reader.
/// </summary>
public sealed class ThemeUnitTestImportTests
{
    private const string File = "theme-test-data/themeunittestdata.wordpress.xml";

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task It_imports_with_the_files_counts_and_a_second_import_adds_nothing(DatabaseProvider provider)
    {
        await using var site = await ImportSite.CreateAsync(provider);
        var report = await site.ImportFileAsync(File);

        Assert.True(report.Completed);
        Assert.Equal("wpthemetestdata.wordpress.com", report.Source);
        Assert.Equal(2, report.Authors);
        Assert.Equal(68, report.Categories);          // 68 distinct slugs (one is listed twice, as wp:category and wp:term)
        Assert.Equal(113, report.Tags);               // 110 declared + 4 only on posts, two of which are one tag in Parley
        Assert.Equal(58, report.Posts);               // 56 published, 1 scheduled, 1 draft
        Assert.Equal(21, report.Pages);
        Assert.Equal(37, report.Attachments);
        Assert.Equal(26, report.Comments.Approved);
        Assert.Equal(3, report.Comments.Pending);
        Assert.Equal(4, report.Comments.Pingbacks);   // 2 pingbacks, 2 trackbacks
        Assert.Equal(70, report.Skipped);             // the menu entries
        Assert.Equal(0, report.AlreadyImported);
        Assert.Contains(report.Notes, n => n.Item.Contains("Template: Sticky", StringComparison.Ordinal) && n.Reason.Contains("sticky", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Item.Contains("Password Protected", StringComparison.Ordinal) && n.Reason.Contains("draft", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Item.Contains("nav_menu_item", StringComparison.Ordinal) && n.Item.StartsWith("70 items", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Reason.Contains("[simple]", StringComparison.Ordinal));

        await using (var db = site.Db.NewContext())
        {
            var posts = await db.Posts.AsNoTracking().ToListAsync();
            Assert.Equal(58, posts.Count(p => p.Kind == PostKind.Post));
            Assert.Equal(21, posts.Count(p => p.Kind == PostKind.Page && p.Status == PostStatus.Published));
            // The password-protected post is a draft, so its text stays private.
            Assert.Equal(55, posts.Count(p => p.Kind == PostKind.Post && p.Status == PostStatus.Published));
            Assert.Equal(2, posts.Count(p => p.Kind == PostKind.Post && p.Status == PostStatus.Draft));
            var scheduled = Assert.Single(posts, p => p.Status == PostStatus.Scheduled);
            Assert.Equal(new DateTime(2030, 1, 1, 19, 0, 18, DateTimeKind.Utc), scheduled.PublishedAt);

            // Dates are the export's, in UTC.
            var comments = posts.Single(p => p.Title == "Template: Comments");
            Assert.Equal(new DateTime(2012, 1, 3, 17, 11, 37, DateTimeKind.Utc), comments.PublishedAt);
            Assert.Equal("template-comments", comments.Slug);

            // Authors are Author accounts without a password, named as on the old site.
            var authorRole = await db.Roles.Where(r => r.Name == Roles.Author).Select(r => r.Id).SingleAsync();
            var authors = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == authorRole)).ToListAsync();
            Assert.Equal(["Theme Buster", "Theme Reviewer"], authors.Select(a => a.DisplayName).Order());
            Assert.All(authors, a => Assert.Null(a.PasswordHash));
            Assert.Equal(authors.Single(a => a.DisplayName == "Theme Buster").Id, comments.AuthorId);

            // The category tree keeps its levels.
            var categories = await db.Categories.AsNoTracking().ToListAsync();
            Assert.Equal(68, categories.Count);
            string? ParentOf(string slug) => categories.SingleOrDefault(c => c.Id == categories.Single(x => x.Slug == slug).ParentId)?.Slug;
            Assert.Equal("child-category-03", ParentOf("grandchild-category"));
            Assert.Equal("parent-category", ParentOf("child-category-03"));
            Assert.Equal("child-1", ParentOf("child-2"));
            Assert.Equal("parent", ParentOf("child-1"));
            Assert.Null(ParentOf("parent"));
            Assert.Equal(113, await db.Tags.CountAsync());

            // Comments keep their thread: nine levels in the file, folded at the site's deepest level (five).
            var thread = await db.Comments.AsNoTracking().Where(c => c.PostId == comments.Id).ToListAsync();
            Assert.Equal(20, thread.Count);
            Assert.Equal(4, thread.Max(c => c.Depth));
            Assert.All(thread.Where(c => c.Depth > 0), c => Assert.Contains(thread, p => p.Id == c.ParentId));
            Assert.Equal(33, await db.Comments.CountAsync());
            Assert.Equal(2, await db.Comments.CountAsync(c => c.Kind == CommentKind.Pingback));
            Assert.Equal(2, await db.Comments.CountAsync(c => c.Kind == CommentKind.Trackback));
            Assert.Equal(3, await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));
            Assert.Equal(thread.Count(c => c.Status == CommentStatus.Approved), comments.CommentCount);

            // Attachments are links to the old site's files; featured images use them.
            var media = await db.MediaItems.AsNoTracking().ToListAsync();
            Assert.Equal(37, media.Count);
            Assert.All(media, m => { Assert.Null(m.StoragePath); Assert.StartsWith("https://wpthemetestdata.files.wordpress.com/", m.Url, StringComparison.Ordinal); });
            var featured = posts.Single(p => p.Title == "Template: Featured Image (Horizontal)");
            Assert.Equal("https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg", media.Single(m => m.Id == featured.FeaturedImageId).Url);

            // Old addresses redirect: the permalink and WordPress's short link.
            var gallery = posts.Single(p => p.Title == "Post Format: Gallery");
            Assert.Equal(gallery.Id, (await db.PathRedirects.SingleAsync(r => r.Path == "/2010/09/10/post-format-gallery")).PostId);
            Assert.Equal(gallery.Id, (await db.PathRedirects.SingleAsync(r => r.Path == "/?p=555")).PostId);
            var level3 = posts.Single(p => p.Title == "Level 3");
            Assert.Equal(level3.Id, (await db.PathRedirects.SingleAsync(r => r.Path == "/level-1/level-2/level-3")).PostId);
            Assert.Equal(report.Redirects, await db.PathRedirects.CountAsync());
        }

        var again = await site.ImportFileAsync(File);
        Assert.Equal(0, again.Authors + again.Categories + again.Tags + again.Posts + again.Pages + again.Attachments + again.Comments.Total + again.Redirects);
        Assert.Equal(333, again.AlreadyImported);
        Assert.Contains(again.Notes, n => n.Reason.Contains("already imported", StringComparison.Ordinal));
        await using (var db = site.Db.NewContext())
        {
            Assert.Equal(79, await db.Posts.CountAsync());
            Assert.Equal(33, await db.Comments.CountAsync());
            Assert.Equal(37, await db.MediaItems.CountAsync());
            Assert.Equal(68, await db.Categories.CountAsync());
            Assert.Equal(3, await db.Users.CountAsync());
        }
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task A_dry_run_writes_nothing_and_reports_what_the_import_then_does(DatabaseProvider provider)
    {
        await using var site = await ImportSite.CreateAsync(provider);
        var dry = await site.ImportFileAsync(File, dryRun: true);
        await using (var db = site.Db.NewContext())
        {
            Assert.Equal(0, await db.Posts.CountAsync());
            Assert.Equal(0, await db.ImportedItems.CountAsync());
            Assert.Equal(0, await db.Categories.CountAsync());
            Assert.Equal(0, await db.MediaItems.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync());
        }
        var real = await site.ImportFileAsync(File);
        Assert.True(dry.DryRun);
        Assert.Equal(real with { DryRun = true, Notes = [] }, dry with { Notes = [] });
        Assert.Equal(real.Notes, dry.Notes);
    }
}
