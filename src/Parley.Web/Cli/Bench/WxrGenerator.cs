using System.Globalization;
using System.Text;

namespace Parley.Web.Cli.Bench;

/// <summary>
/// Writes a WordPress export (WXR 1.2) of a made-up site of any size, for measuring the importer: authors,
/// nested categories, tags, one page, posts in Gutenberg and classic markup (headings, quotes, lists,
/// [caption], galleries, YouTube links), comments threaded up to five levels in every WordPress state, and
/// a few pingbacks. Written as it is generated, so its own memory does not grow with the file.
/// </summary>
internal static class WxrGenerator
{
    public const string SiteUrl = "https://bench.example";
    private static readonly DateTime First = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Last = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int MaxDepth = 4; // 0-based: five levels, Parley's default thread depth
    private static readonly string[] Videos = ["dQw4w9WgXcQ", "M7lc1UVf-VE", "aqz-KE-bpKQ", "ScMzIvxBSi4", "jNQXAC9IVRw"];

    private sealed record Author(int Id, string Login, string Name, string Email);
    private sealed record Term(int Id, string Slug, string Name, string? Parent);

    /// <summary>Counts of what was written, for the command's summary and the tests.</summary>
    public sealed record Written(int Posts, int Pages, long Comments, long Approved, long Pending, long Spam, long Trash, long Pingbacks, int Categories, int Tags, int Authors);

    public static Written Write(Stream output, int posts, long comments, int seed)
    {
        var rng = new Random(seed);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var authors = Enumerable.Range(1, 6).Select(i =>
        {
            var (name, _) = BenchText.Person(rng, 500);
            return new Author(i, "author" + i, name, $"author{i}@bench.example");
        }).ToList();
        var categories = Categories();
        var tags = Enumerable.Range(0, 40).Select(i => BenchText.Word(rng) + "-" + BenchText.Word(rng)).Distinct()
            .Select((slug, i) => new Term(100 + i, slug, slug.Replace('-', ' '), null)).ToList();

        w.Write($"""
            <?xml version="1.0" encoding="UTF-8" ?>
            <!-- generator="Parley bench wxr" seed="{seed}" -->
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>Bench Generated Blog</title>
              <link>{SiteUrl}</link>
              <description>A generated site for measuring imports</description>
              <language>en-US</language>
              <wp:wxr_version>1.2</wp:wxr_version>
              <wp:base_site_url>{SiteUrl}</wp:base_site_url>
              <wp:base_blog_url>{SiteUrl}</wp:base_blog_url>

            """);
        foreach (var a in authors)
            w.WriteLine($"  <wp:author><wp:author_id>{a.Id}</wp:author_id><wp:author_login>{C(a.Login)}</wp:author_login><wp:author_email>{C(a.Email)}</wp:author_email><wp:author_display_name>{C(a.Name)}</wp:author_display_name><wp:author_first_name>{C(a.Name.Split(' ')[0])}</wp:author_first_name><wp:author_last_name>{C(a.Name.Split(' ')[1])}</wp:author_last_name></wp:author>");
        foreach (var c in categories)
            w.WriteLine($"  <wp:category><wp:term_id>{c.Id}</wp:term_id><wp:category_nicename>{C(c.Slug)}</wp:category_nicename><wp:category_parent>{C(c.Parent ?? "")}</wp:category_parent><wp:cat_name>{C(c.Name)}</wp:cat_name></wp:category>");
        foreach (var t in tags)
            w.WriteLine($"  <wp:tag><wp:term_id>{t.Id}</wp:term_id><wp:tag_slug>{C(t.Slug)}</wp:tag_slug><wp:tag_name>{C(t.Name)}</wp:tag_name></wp:tag>");

        // One page, then the posts, oldest first (WordPress writes them in id order).
        Item(w, rng, 1, "page", "About this blog", "about", First, authors[0], [], $"<p>{BenchText.Paragraph(rng)}</p>", []);
        var counts = BenchText.Spread(comments, posts, rng);
        long nextComment = 1, approved = 0, pending = 0, spam = 0, trash = 0, pingbacks = 0;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < posts; i++)
        {
            var date = First + (Last - First) * ((double)i / Math.Max(1, posts)) + TimeSpan.FromMinutes(rng.Next(0, 600));
            var title = BenchText.Title(rng);
            var slug = Slug(title);
            for (var n = 2; !slugs.Add(slug); n++) slug = Slug(title) + "-" + n.ToString(CultureInfo.InvariantCulture);
            var terms = new List<(string Domain, Term Term)>();
            foreach (var c in categories.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3))) terms.Add(("category", c));
            foreach (var t in tags.OrderBy(_ => rng.Next()).Take(rng.Next(0, 5))) terms.Add(("post_tag", t));
            var body = rng.Next(3) == 0 ? Classic(rng) : Gutenberg(rng);
            var thread = Thread(rng, counts[i], date, authors, ref nextComment);
            foreach (var c in thread)
            {
                if (c.Type == "pingback") pingbacks++;
                switch (c.Approved) { case "1": approved++; break; case "0": pending++; break; case "spam": spam++; break; default: trash++; break; }
            }
            Item(w, rng, 1000 + i, "post", title, slug, date, authors[rng.Next(authors.Count)], terms, body, thread);
        }
        w.WriteLine("</channel>\n</rss>");
        return new Written(posts, 1, nextComment - 1, approved, pending, spam, trash, pingbacks, categories.Count, tags.Count, authors.Count);
    }

    private static List<Term> Categories()
    {
        // Four top-level categories with two children each, and one grandchild: a hierarchy to keep.
        var list = new List<Term>();
        var id = 2;
        foreach (var (top, children) in new[]
        {
            ("Town", new[] { "Council", "Streets" }), ("Nature", new[] { "Rivers", "Birds" }),
            ("Making", new[] { "Workshop", "Software" }), ("Travel", new[] { "Ferries", "Walks" }),
        })
        {
            var parent = Slug(top);
            list.Add(new Term(id++, parent, top, null));
            foreach (var child in children) list.Add(new Term(id++, Slug(child), child, parent));
        }
        list.Add(new Term(id, "databases", "Databases", "software"));
        return list;
    }

    private sealed record GeneratedComment(long Id, long Parent, int Depth, string Approved, string Type, string Author, string Email, string Url, DateTime Date, string Content, int UserId);

    private static List<GeneratedComment> Thread(Random rng, int count, DateTime postDate, List<Author> authors, ref long nextId)
    {
        var thread = new List<GeneratedComment>(count);
        for (var k = 0; k < count; k++)
        {
            var id = nextId++;
            var roll = rng.Next(1000);
            if (roll < 8)
            {
                var blog = BenchText.Word(rng);
                thread.Add(new GeneratedComment(id, 0, 0, "1", "pingback", $"The {blog} blog » {BenchText.Title(rng)}", "", $"https://{blog}.example/{id}/",
                    Later(rng, postDate), $"[&#8230;] {BenchText.Sentence(rng)} [&#8230;]", 0));
                continue;
            }
            var state = roll < 870 ? "1" : roll < 930 ? "0" : roll < 985 ? "spam" : "trash";
            // About a third answer an earlier approved comment of the same post (never deeper than five levels).
            GeneratedComment? parent = null;
            if (state != "spam" && thread.Count > 0 && rng.Next(3) == 0)
            {
                var candidate = thread[rng.Next(thread.Count)];
                if (candidate.Approved == "1" && candidate.Type == "comment" && candidate.Depth < MaxDepth) parent = candidate;
            }
            var staff = rng.Next(25) == 0 ? authors[rng.Next(authors.Count)] : null;
            var (name, email) = staff is null ? BenchText.Person(rng, 5000) : (staff.Name, staff.Email);
            var text = new StringBuilder(BenchText.Paragraph(rng, 1, 4));
            if (rng.Next(4) == 0) text.Append("\n\n").Append(BenchText.Paragraph(rng, 1, 3));
            if (rng.Next(10) == 0) text.Append($" See <a href=\"https://{BenchText.Word(rng)}.example/\">this</a>, it is <em>{BenchText.Word(rng)}</em>.");
            if (rng.Next(20) == 0) text.Insert(0, $"<blockquote>{BenchText.Sentence(rng)}</blockquote>\n");
            thread.Add(new GeneratedComment(id, parent?.Id ?? 0, parent is null ? 0 : parent.Depth + 1, state, "comment", name, email,
                rng.Next(5) == 0 ? $"https://{BenchText.Word(rng)}.example" : "", Later(rng, parent?.Date ?? postDate), text.ToString(), staff?.Id ?? 0));
        }
        return thread;
    }

    private static DateTime Later(Random rng, DateTime after)
    {
        var at = after + TimeSpan.FromMinutes(rng.Next(5, 60 * 24 * 30));
        return at < Last ? at : after.AddMinutes(1);
    }

    private static void Item(StreamWriter w, Random rng, int id, string type, string title, string slug, DateTime date, Author author,
        List<(string Domain, Term Term)> terms, string content, List<GeneratedComment> comments)
    {
        var link = type == "page" ? $"{SiteUrl}/{slug}/" : $"{SiteUrl}/{date:yyyy}/{date:MM}/{date:dd}/{slug}/";
        var status = type == "post" && rng.Next(100) == 0 ? "draft" : "publish";
        w.Write($"""
              <item>
                <title>{C(title)}</title>
                <link>{link}</link>
                <pubDate>{date.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0000</pubDate>
                <dc:creator>{C(author.Login)}</dc:creator>
                <guid isPermaLink="false">{SiteUrl}/?{(type == "page" ? "page_id" : "p")}={id}</guid>
                <description></description>
                <content:encoded>{C(content)}</content:encoded>
                <excerpt:encoded>{C(rng.Next(5) == 0 ? BenchText.Sentence(rng) : "")}</excerpt:encoded>
                <wp:post_id>{id}</wp:post_id>
                <wp:post_date>{C(Date(date))}</wp:post_date>
                <wp:post_date_gmt>{C(Date(date))}</wp:post_date_gmt>
                <wp:post_modified>{C(Date(date))}</wp:post_modified>
                <wp:post_modified_gmt>{C(Date(date))}</wp:post_modified_gmt>
                <wp:comment_status>{C(rng.Next(20) == 0 ? "closed" : "open")}</wp:comment_status>
                <wp:ping_status>{C("open")}</wp:ping_status>
                <wp:post_name>{C(slug)}</wp:post_name>
                <wp:status>{C(status)}</wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:menu_order>0</wp:menu_order>
                <wp:post_type>{C(type)}</wp:post_type>
                <wp:post_password>{C("")}</wp:post_password>
                <wp:is_sticky>0</wp:is_sticky>

            """);
        foreach (var (domain, term) in terms)
            w.WriteLine($"    <category domain=\"{domain}\" nicename=\"{term.Slug}\">{C(term.Name)}</category>");
        foreach (var c in comments)
        {
            w.WriteLine($"""
                    <wp:comment>
                      <wp:comment_id>{c.Id}</wp:comment_id>
                      <wp:comment_author>{C(c.Author)}</wp:comment_author>
                      <wp:comment_author_email>{C(c.Email)}</wp:comment_author_email>
                      <wp:comment_author_url>{c.Url}</wp:comment_author_url>
                      <wp:comment_author_IP>{C($"192.0.2.{c.Id % 250 + 1}")}</wp:comment_author_IP>
                      <wp:comment_date>{C(Date(c.Date))}</wp:comment_date>
                      <wp:comment_date_gmt>{C(Date(c.Date))}</wp:comment_date_gmt>
                      <wp:comment_content>{C(c.Content)}</wp:comment_content>
                      <wp:comment_approved>{C(c.Approved)}</wp:comment_approved>
                      <wp:comment_type>{C(c.Type)}</wp:comment_type>
                      <wp:comment_parent>{c.Parent}</wp:comment_parent>
                      <wp:comment_user_id>{c.UserId}</wp:comment_user_id>
                    </wp:comment>
                """);
        }
        w.WriteLine("  </item>");
    }

    private static string Gutenberg(Random rng)
    {
        var b = new StringBuilder();
        void Para(string text) => b.Append($"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->\n\n");
        Para(BenchText.Paragraph(rng));
        Para(BenchText.Paragraph(rng) + $" <strong>{BenchText.Sentence(rng)}</strong> <a href=\"https://{BenchText.Word(rng)}.example/notes\">{BenchText.Word(rng)}</a>.");
        var sections = rng.Next(1, 4);
        for (var s = 0; s < sections; s++)
        {
            b.Append($"<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">{BenchText.Title(rng)}</h2>\n<!-- /wp:heading -->\n\n");
            for (var p = rng.Next(1, 4); p > 0; p--) Para(BenchText.Paragraph(rng));
            switch (rng.Next(5))
            {
                case 0:
                    b.Append($"<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>{BenchText.Sentence(rng)}</p>\n<!-- /wp:paragraph --><cite>{BenchText.Person(rng, 100).Name}</cite></blockquote>\n<!-- /wp:quote -->\n\n");
                    break;
                case 1:
                    b.Append("<!-- wp:list -->\n<ul class=\"wp-block-list\">");
                    for (var li = rng.Next(3, 6); li > 0; li--) b.Append($"<!-- wp:list-item -->\n<li>{BenchText.Sentence(rng)}</li>\n<!-- /wp:list-item -->");
                    b.Append("</ul>\n<!-- /wp:list -->\n\n");
                    break;
                case 2:
                    var video = BenchText.Pick(rng, Videos);
                    b.Append($"<!-- wp:embed {{\"url\":\"https://www.youtube.com/watch?v={video}\",\"type\":\"video\",\"providerNameSlug\":\"youtube\",\"responsive\":true}} -->\n" +
                             $"<figure class=\"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v={video}\n</div></figure>\n<!-- /wp:embed -->\n\n");
                    break;
                case 3:
                    var image = Image(rng);
                    b.Append($"<!-- wp:image {{\"sizeSlug\":\"large\"}} -->\n<figure class=\"wp-block-image size-large\"><img src=\"{image}\" alt=\"{BenchText.Word(rng)}\"/><figcaption class=\"wp-element-caption\">{BenchText.Sentence(rng)}</figcaption></figure>\n<!-- /wp:image -->\n\n");
                    break;
                default:
                    b.Append($"<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>SELECT count(*) FROM {BenchText.Word(rng)}s WHERE year &gt; 2020;</code></pre>\n<!-- /wp:code -->\n\n");
                    break;
            }
        }
        return b.ToString().TrimEnd();
    }

    private static string Classic(Random rng)
    {
        var b = new StringBuilder();
        b.Append(BenchText.Paragraph(rng)).Append("\n\n<!--more-->\n\n").Append(BenchText.Paragraph(rng)).Append("\n\n");
        b.Append($"<h3>{BenchText.Title(rng)}</h3>\n\n").Append(BenchText.Paragraph(rng)).Append("\n\n");
        if (rng.Next(2) == 0)
            b.Append($"[caption id=\"attachment_{rng.Next(10, 999)}\" align=\"aligncenter\" width=\"640\"]<img class=\"size-large\" src=\"{Image(rng)}\" alt=\"{BenchText.Word(rng)}\" width=\"640\" height=\"427\" /> {BenchText.Sentence(rng)}[/caption]\n\n");
        if (rng.Next(2) == 0) b.Append($"<blockquote>{BenchText.Paragraph(rng, 1, 2)}</blockquote>\n\n");
        if (rng.Next(3) == 0) b.Append($"https://www.youtube.com/watch?v={BenchText.Pick(rng, Videos)}\n\n");
        switch (rng.Next(4))
        {
            case 0: b.Append($"[gallery ids=\"{rng.Next(10, 99)},{rng.Next(100, 199)},{rng.Next(200, 299)}\" columns=\"3\"]\n\n"); break;
            case 1: b.Append($"[embed]https://www.youtube.com/watch?v={BenchText.Pick(rng, Videos)}[/embed]\n\n"); break;
            case 2: b.Append($"[contact-form-7 id=\"{rng.Next(1, 9)}\" title=\"Contact\"]\n\n"); break;
        }
        b.Append("<ul>\n");
        for (var li = rng.Next(2, 5); li > 0; li--) b.Append($"<li>{BenchText.Sentence(rng)}</li>\n");
        b.Append("</ul>\n\n").Append(BenchText.Paragraph(rng)).Append($" <em>{BenchText.Sentence(rng)}</em>");
        return b.ToString();
    }

    private static string Image(Random rng) =>
        $"{SiteUrl}/wp-content/uploads/{rng.Next(2019, 2027)}/{rng.Next(1, 13):00}/{BenchText.Word(rng)}-{rng.Next(1, 999)}.jpg";

    private static string Date(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Slug(string text) => Parley.Core.Posts.Slugs.FromText(text);

    /// <summary>Text as CDATA; a "]]&gt;" inside is split across two sections, as WordPress does.</summary>
    private static string C(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
}
