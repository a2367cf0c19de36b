namespace Parley.Web.Theme;

/// <summary>Adds the three feed formats of an archive (<c>{path}/feed</c>, <c>/atom</c>, <c>/json</c>) to a page's head.</summary>
public static class FeedLinks
{
    public static void AddFor(PageMeta meta, string title, string archivePath)
    {
        meta.Feeds.Add((title + " (RSS)", archivePath + "/feed", "application/rss+xml"));
        meta.Feeds.Add((title + " (Atom)", archivePath + "/feed/atom", "application/atom+xml"));
        meta.Feeds.Add((title + " (JSON Feed)", archivePath + "/feed/json", "application/feed+json"));
    }
}
