using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Core.Settings;

namespace Parley.Core.Export;

/// <summary>
/// Writes the site as a WordPress eXtended RSS 1.2 file that WordPress's own importer reads: authors,
/// categories (with parents), tags, posts and pages (HTML as WordPress keeps it), and their comments
/// with threading and state. Streamed: posts are read in batches, never all at once.
/// </summary>
public sealed class WxrExporter(ParleyDbContext db, SettingsService settings, PostMarkdownRenderer renderer)
{
    private const string Wp = "http://wordpress.org/export/1.2/";
    private const int Batch = 200;

    public sealed record Counts(int Authors, int Categories, int Tags, int Posts, int Pages, int Comments);

    public async Task<Counts> WriteAsync(Stream output, string siteUrl, CancellationToken ct = default)
    {
        var site = await settings.GetAsync(ct);
        var zone = SiteTime.Zone(site);
        siteUrl = siteUrl.TrimEnd('/');
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "excerpt", null, "http://wordpress.org/export/1.2/excerpt/");
        xml.WriteAttributeString("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
        xml.WriteAttributeString("xmlns", "wfw", null, "http://wellformedweb.org/CommentAPI/");
        xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        xml.WriteAttributeString("xmlns", "wp", null, Wp);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", site.Title);
        xml.WriteElementString("link", siteUrl);
        xml.WriteElementString("description", site.Tagline);
        xml.WriteElementString("language", site.Language);
        xml.WriteElementString("wxr_version", Wp, "1.2");
        xml.WriteElementString("base_site_url", Wp, siteUrl);
        xml.WriteElementString("base_blog_url", Wp, siteUrl);

        // Authors: everyone who wrote a post, by a login made from their author slug.
        var authors = await db.Posts.AsNoTracking().Select(p => p.AuthorId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.Slug, u.Email, u.DisplayName }).ToListAsync(ct);
        var login = authors.ToDictionary(a => a.Id, a => a.Slug);
        var n = 0;
        foreach (var a in authors)
        {
            xml.WriteStartElement("author", Wp);
            xml.WriteElementString("author_id", Wp, (++n).ToString(CultureInfo.InvariantCulture));
            Cdata(xml, "author_login", a.Slug);
            Cdata(xml, "author_email", a.Email ?? "");
            Cdata(xml, "author_display_name", a.DisplayName);
            xml.WriteEndElement();
        }
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var bySlug = categories.ToDictionary(c => c.Id, c => c.Slug);
        foreach (var c in categories)
        {
            xml.WriteStartElement("category", Wp);
            xml.WriteElementString("term_id", Wp, c.Id.ToString(CultureInfo.InvariantCulture));
            Cdata(xml, "category_nicename", c.Slug);
            Cdata(xml, "category_parent", c.ParentId is { } parent ? bySlug.GetValueOrDefault(parent, "") : "");
            Cdata(xml, "cat_name", c.Name);
            if (c.Description is { } d) Cdata(xml, "category_description", d);
            xml.WriteEndElement();
        }
        var tags = await db.Tags.AsNoTracking().ToListAsync(ct);
        foreach (var t in tags)
        {
            xml.WriteStartElement("tag", Wp);
            xml.WriteElementString("term_id", Wp, (100_000 + t.Id).ToString(CultureInfo.InvariantCulture));
            Cdata(xml, "tag_slug", t.Slug);
            Cdata(xml, "tag_name", t.Name);
            xml.WriteEndElement();
        }

        var (posts, pages, comments) = (0, 0, 0);
        for (var lastId = 0; ;)
        {
            var batch = await db.Posts.AsNoTracking().Where(p => p.Id > lastId && p.Status != PostStatus.Trashed).OrderBy(p => p.Id).Take(Batch)
                .Include(p => p.Categories).Include(p => p.Tags).AsSplitQuery().ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            var ids = batch.Select(p => p.Id).ToList();
            var theirComments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.PostId)).OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.PostId);
            foreach (var post in batch)
            {
                WritePost(xml, post, theirComments[post.Id], login, siteUrl, zone);
                if (post.Kind == PostKind.Page) pages++; else posts++;
                comments += theirComments[post.Id].Count();
            }
            await xml.FlushAsync();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        return new Counts(authors.Count, categories.Count, tags.Count, posts, pages, comments);
    }

    private void WritePost(XmlWriter xml, Post post, IEnumerable<Comment> comments, Dictionary<string, string> login, string siteUrl, TimeZoneInfo zone)
    {
        var when = post.PublishedAt ?? post.CreatedAt;
        xml.WriteStartElement("item");
        xml.WriteElementString("title", post.Title);
        xml.WriteElementString("link", siteUrl + PostUrls.PathFor(post, zone));
        xml.WriteElementString("pubDate", when.ToString("R", CultureInfo.InvariantCulture));
        Cdata(xml, "creator", login.GetValueOrDefault(post.AuthorId, "admin"), "http://purl.org/dc/elements/1.1/");
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString($"{siteUrl}/?p={post.Id}");
        xml.WriteEndElement();
        xml.WriteElementString("description", "");
        Cdata(xml, "encoded", WordPressHtml.From(renderer.RenderPlain(post.BodySource)), "http://purl.org/rss/1.0/modules/content/");
        Cdata(xml, "encoded", post.Excerpt ?? "", "http://wordpress.org/export/1.2/excerpt/");
        xml.WriteElementString("post_id", Wp, post.Id.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("post_date", Wp, Local(when, zone));
        xml.WriteElementString("post_date_gmt", Wp, Gmt(when));
        xml.WriteElementString("post_modified", Wp, Local(post.UpdatedAt, zone));
        xml.WriteElementString("post_modified_gmt", Wp, Gmt(post.UpdatedAt));
        xml.WriteElementString("comment_status", Wp, post.CommentsOpen ? "open" : "closed");
        xml.WriteElementString("ping_status", Wp, "closed");
        Cdata(xml, "post_name", post.Slug);
        xml.WriteElementString("status", Wp, post.Status switch
        {
            PostStatus.Published => "publish", PostStatus.Scheduled => "future", PostStatus.Pending => "pending", _ => "draft",
        });
        xml.WriteElementString("post_parent", Wp, "0");
        xml.WriteElementString("menu_order", Wp, "0");
        xml.WriteElementString("post_type", Wp, post.Kind == PostKind.Page ? "page" : "post");
        xml.WriteElementString("post_password", Wp, "");
        xml.WriteElementString("is_sticky", Wp, "0");
        foreach (var c in post.Categories) Term(xml, "category", c.Slug, c.Name);
        foreach (var t in post.Tags) Term(xml, "post_tag", t.Slug, t.Name);
        if (post.ReaderQuestion is { } question)
        {
            xml.WriteStartElement("postmeta", Wp);
            Cdata(xml, "meta_key", "parley_reader_question");
            Cdata(xml, "meta_value", question);
            xml.WriteEndElement();
        }
        foreach (var c in comments)
        {
            xml.WriteStartElement("comment", Wp);
            xml.WriteElementString("comment_id", Wp, c.Id.ToString(CultureInfo.InvariantCulture));
            Cdata(xml, "comment_author", c.AuthorName);
            Cdata(xml, "comment_author_email", c.AuthorEmail ?? "");
            Cdata(xml, "comment_author_url", c.AuthorUrl ?? "");
            Cdata(xml, "comment_author_IP", c.AuthorIp ?? "");
            xml.WriteElementString("comment_date", Wp, Local(c.CreatedAt, zone));
            xml.WriteElementString("comment_date_gmt", Wp, Gmt(c.CreatedAt));
            Cdata(xml, "comment_content", c.BodyHtml);
            xml.WriteElementString("comment_approved", Wp, c.Status switch
            {
                CommentStatus.Approved => "1", CommentStatus.Spam => "spam", CommentStatus.Trash => "trash", _ => "0",
            });
            // Pingbacks and trackbacks stay what they are, so WordPress (and Parley) show them apart.
            xml.WriteElementString("comment_type", Wp, c.Kind switch { CommentKind.Pingback => "pingback", CommentKind.Trackback => "trackback", _ => "comment" });
            xml.WriteElementString("comment_parent", Wp, (c.ParentId ?? 0).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("comment_user_id", Wp, "0");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Term(XmlWriter xml, string domain, string slug, string name)
    {
        xml.WriteStartElement("category");
        xml.WriteAttributeString("domain", domain);
        xml.WriteAttributeString("nicename", slug);
        xml.WriteCData(name);
        xml.WriteEndElement();
    }

    /// <summary>CDATA as WordPress writes it (XmlWriter splits a closing sequence inside the text the standard way).</summary>
    private static void Cdata(XmlWriter xml, string name, string value, string ns = Wp)
    {
        xml.WriteStartElement(name, ns);
        xml.WriteCData(value);
        xml.WriteEndElement();
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Gmt(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
