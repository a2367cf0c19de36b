using System.Globalization;
using System.Text;
using System.Xml;

namespace Parley.Core.Import;

// How each kind of element is read. Every method starts on the element's start tag and ends after its end tag.
// Where an element repeats (a second post_id, as in namespace-attack files), the first one counts.
public sealed partial class WxrReader
{
    private WxrAuthor ReadAuthor()
    {
        long? id = null;
        string? login = null, email = null, display = null, first = null, last = null;
        Children((ns, name) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (name)
            {
                case "author_id": Keep(ref id, Number(Scalar())); return true;
                case "author_login": Keep(ref login, Scalar()); return true;
                case "author_email": Keep(ref email, Scalar()); return true;
                case "author_display_name": Keep(ref display, Scalar()); return true;
                case "author_first_name": Keep(ref first, Scalar()); return true;
                case "author_last_name": Keep(ref last, Scalar()); return true;
                default: return false;
            }
        });
        return new WxrAuthor(id, login ?? "", Blank(email), Blank(display), Blank(first), Blank(last));
    }

    private WxrCategory ReadCategory()
    {
        long? id = null;
        string? slug = null, parent = null, name = null, description = null;
        Children((ns, local) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (local)
            {
                case "term_id": Keep(ref id, Number(Scalar())); return true;
                case "category_nicename": Keep(ref slug, Scalar()); return true;
                case "category_parent": Keep(ref parent, Scalar()); return true;
                case "cat_name": Keep(ref name, Scalar()); return true;
                case "category_description": Keep(ref description, Scalar()); return true;
                default: return false;
            }
        });
        return new WxrCategory(id, slug ?? "", Blank(parent), name ?? "", Blank(description));
    }

    private WxrTag ReadTag()
    {
        long? id = null;
        string? slug = null, name = null, description = null;
        Children((ns, local) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (local)
            {
                case "term_id": Keep(ref id, Number(Scalar())); return true;
                case "tag_slug": Keep(ref slug, Scalar()); return true;
                case "tag_name": Keep(ref name, Scalar()); return true;
                case "tag_description": Keep(ref description, Scalar()); return true;
                default: return false;
            }
        });
        return new WxrTag(id, slug ?? "", name ?? "", Blank(description));
    }

    /// <summary>A <c>wp:term</c>: categories and tags written this way are handed over as such.</summary>
    private WxrRecord ReadTerm()
    {
        long? id = null;
        string? taxonomy = null, slug = null, parent = null, name = null, description = null;
        Children((ns, local) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (local)
            {
                case "term_id": Keep(ref id, Number(Scalar())); return true;
                case "term_taxonomy": Keep(ref taxonomy, Scalar()); return true;
                case "term_slug": Keep(ref slug, Scalar()); return true;
                case "term_parent": Keep(ref parent, Scalar()); return true;
                case "term_name": Keep(ref name, Scalar()); return true;
                case "term_description": Keep(ref description, Scalar()); return true;
                default: return false;
            }
        });
        return taxonomy switch
        {
            "category" => new WxrCategory(id, slug ?? "", Blank(parent), name ?? "", Blank(description)),
            "post_tag" => new WxrTag(id, slug ?? "", name ?? "", Blank(description)),
            _ => new WxrTerm(id, taxonomy ?? "", slug ?? "", Blank(parent), name ?? ""),
        };
    }

    private WxrItem ReadItem()
    {
        _cut = false;
        string? title = null, link = null, pubDate = null, creator = null, guid = null, content = null, excerpt = null;
        string? postDate = null, postDateGmt = null, commentStatus = null, postName = null, status = null, postType = null;
        string? password = null, attachmentUrl = null, wpAuthor = null;
        long? postId = null, parent = null;
        int? menuOrder = null;
        bool? sticky = null;
        var terms = new List<WxrItemTerm>();
        var meta = new List<WxrMeta>();
        var comments = new List<WxrComment>();
        Children((ns, name) =>
        {
            if (ns.Length == 0)
            {
                switch (name)
                {
                    case "title": Keep(ref title, Text()); return true;
                    case "link": Keep(ref link, Scalar()); return true;
                    case "pubDate": Keep(ref pubDate, Scalar()); return true;
                    case "guid": Keep(ref guid, Scalar()); return true;
                    case "category":
                        var domain = _xml.GetAttribute("domain");
                        var nicename = _xml.GetAttribute("nicename");
                        var termName = Scalar() ?? "";
                        terms.Add(new WxrItemTerm(string.IsNullOrWhiteSpace(domain) ? "category" : domain.Trim(), nicename?.Trim() ?? "", termName));
                        return true;
                }
                return false;
            }
            if (ns == WxrNames.DublinCore && name == "creator") { Keep(ref creator, Scalar()); return true; }
            if (ns == WxrNames.Content && name == "encoded") { Keep(ref content, Text()); return true; }
            if (WxrNames.IsExcerpt(ns) && name == "encoded") { Keep(ref excerpt, Text()); return true; }
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (name)
            {
                case "post_id": Keep(ref postId, Number(Scalar())); return true;
                case "post_date": Keep(ref postDate, Scalar()); return true;
                case "post_date_gmt": Keep(ref postDateGmt, Scalar()); return true;
                case "comment_status": Keep(ref commentStatus, Scalar()); return true;
                case "post_name": Keep(ref postName, Scalar()); return true;
                case "status": Keep(ref status, Scalar()); return true;
                case "post_parent": Keep(ref parent, Number(Scalar())); return true;
                case "menu_order": Keep(ref menuOrder, (int?)Number(Scalar())); return true;
                case "post_type": Keep(ref postType, Scalar()); return true;
                case "post_password": Keep(ref password, Scalar()); return true;
                case "is_sticky": Keep(ref sticky, Scalar() == "1"); return true;
                case "attachment_url": Keep(ref attachmentUrl, Scalar()); return true;
                case "author": Keep(ref wpAuthor, Scalar()); return true;
                case "postmeta": if (ReadMeta() is { } m) meta.Add(m); return true;
                case "comment": comments.Add(ReadComment()); return true;
                default: return false;
            }
        });
        return new WxrItem
        {
            Title = title ?? "", Link = Blank(link), PubDate = Blank(pubDate), Creator = Blank(creator) ?? Blank(wpAuthor), Guid = Blank(guid),
            Content = content ?? "", Excerpt = excerpt ?? "", PostId = postId, PostDate = Blank(postDate), PostDateGmt = Blank(postDateGmt),
            CommentStatus = Blank(commentStatus), PostName = Blank(postName), Status = Blank(status), PostParent = parent,
            MenuOrder = menuOrder ?? 0, PostType = Blank(postType), PostPassword = Blank(password), IsSticky = sticky ?? false,
            AttachmentUrl = Blank(attachmentUrl), Oversized = _cut, Terms = terms, Meta = meta, Comments = comments,
        };
    }

    private WxrComment ReadComment()
    {
        long? id = null, parent = null, userId = null;
        string? author = null, email = null, url = null, ip = null, date = null, dateGmt = null, content = null, approved = null, type = null;
        var meta = new List<WxrMeta>();
        Children((ns, name) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (name)
            {
                case "comment_id": Keep(ref id, Number(Scalar())); return true;
                case "comment_author": Keep(ref author, Scalar()); return true;
                case "comment_author_email": Keep(ref email, Scalar()); return true;
                case "comment_author_url": Keep(ref url, Scalar()); return true;
                case "comment_author_IP": Keep(ref ip, Scalar()); return true;
                case "comment_date": Keep(ref date, Scalar()); return true;
                case "comment_date_gmt": Keep(ref dateGmt, Scalar()); return true;
                case "comment_content": Keep(ref content, Text()); return true;
                case "comment_approved": Keep(ref approved, Scalar()); return true;
                case "comment_type": Keep(ref type, Scalar()); return true;
                case "comment_parent": Keep(ref parent, Number(Scalar())); return true;
                case "comment_user_id": Keep(ref userId, Number(Scalar())); return true;
                case "commentmeta": if (ReadMeta() is { } m) meta.Add(m); return true;
                default: return false;
            }
        });
        return new WxrComment
        {
            Id = id, Author = author ?? "", AuthorEmail = Blank(email), AuthorUrl = Blank(url), AuthorIp = Blank(ip), Date = Blank(date),
            DateGmt = Blank(dateGmt), Content = content ?? "", Approved = Blank(approved), Type = Blank(type), Parent = parent, UserId = userId, Meta = meta,
        };
    }

    private WxrMeta? ReadMeta()
    {
        string? key = null, value = null;
        Children((ns, name) =>
        {
            if (!WxrNames.IsWordPress(ns)) return false;
            switch (name)
            {
                case "meta_key": Keep(ref key, Scalar()); return true;
                case "meta_value": Keep(ref value, Text()); return true;
                default: return false;
            }
        });
        return string.IsNullOrEmpty(key) ? null : new WxrMeta(key, value ?? "");
    }

    /// <summary>
    /// Visits the child elements of the current element. <paramref name="read"/> returns false for an element it
    /// does not want, which is then skipped whole (unknown namespaces, nested oddities).
    /// </summary>
    private void Children(Func<string, string, bool> read)
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return;
        }
        var depth = _xml.Depth;
        Advance();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType != XmlNodeType.Element) Advance();
            else if (!read(_xml.NamespaceURI, _xml.LocalName)) _xml.Skip();
        }
        Advance();
    }

    /// <summary>A short value, trimmed (exports written by hand put line breaks inside logins and ids).</summary>
    private string? Scalar() => Text().Trim();

    /// <summary>
    /// All the text inside the current element (CDATA sections joined, child tags ignored), read in chunks so a
    /// huge element costs no more than <see cref="MaxFieldLength"/> characters.
    /// </summary>
    private string Text()
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return "";
        }
        var depth = _xml.Depth;
        var text = new StringBuilder();
        Advance();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (_xml.CanReadValueChunk)
                    for (int n; (n = _xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0;) Append(text, _chunk.AsSpan(0, n));
                else Append(text, _xml.Value);
            }
            Advance();
        }
        Advance();
        return text.ToString();
    }

    private void Append(StringBuilder text, ReadOnlySpan<char> chunk)
    {
        foreach (var c in chunk)
        {
            if (text.Length >= MaxFieldLength)
            {
                _cut = true;
                return;
            }
            // Character references may name characters XML forbids (CheckCharacters is off to keep going): drop them.
            if (WxrText.IsXmlChar(c)) text.Append(c);
        }
    }

    // The element is always read (so the reader moves past it); only the first value is kept.
    private static void Keep(ref string? field, string? value) => field ??= value;

    private static void Keep<T>(ref T? field, T? value) where T : struct => field ??= value;

    private static long? Number(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
