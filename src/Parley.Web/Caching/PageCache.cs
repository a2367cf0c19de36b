using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Parley.Core.Settings;
using Parley.Web.Hosting;

namespace Parley.Web.Caching;

/// <summary>Where a kept page lives: the host (pages carry absolute links), the path and the query.</summary>
public readonly record struct PageKey(string Host, string Path, string Query);

/// <summary>
/// The pages kept in memory for visitors who have nothing personal on them. Reading is lock-free; adding
/// and dropping take one lock so the index "which pages show post N's discussion" stays right.
/// A change to one discussion drops exactly the pages that show it (the post, its comment feeds, the
/// listings with its comment count, and pages showing every discussion); any other change drops everything.
/// A page rendered while a change it depends on happened is not kept (it may show the old state).
/// </summary>
public sealed class PageCache
{
    private readonly ConcurrentDictionary<PageKey, CachedPage> _pages = new();
    private readonly Dictionary<int, HashSet<PageKey>> _byPost = [];
    private readonly HashSet<PageKey> _allDiscussions = [];
    private readonly Dictionary<int, long> _postChangedAt = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private long _changes;
    private long _siteChangedAt;
    private long _anyDiscussionChangedAt;
    private long _bytes;

    public PageCache(IOptions<ParleyOptions> options, ContentChanges changes, TimeProvider clock)
    {
        Settings = options.Value.PageCache;
        _clock = clock;
        changes.Subscribe(Drop);
    }

    public PageCacheSettings Settings { get; }
    public int Count => _pages.Count;
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The change counter, read when rendering starts (see <see cref="SharedPage.StartedAt"/>).</summary>
    public long Version => Interlocked.Read(ref _changes);

    public bool TryGet(in PageKey key, out CachedPage page)
    {
        if (_pages.TryGetValue(key, out page!) && page.ExpiresAt > _clock.GetUtcNow())
        {
            page.LastUsed = Environment.TickCount64;
            return true;
        }
        return false;
    }

    /// <summary>Keeps a page unless something it shows changed since <paramref name="renderedFrom"/>.</summary>
    public bool TryAdd(in PageKey key, CachedPage page, long renderedFrom)
    {
        lock (_lock)
        {
            if (_siteChangedAt > renderedFrom || (page.ShowsAllDiscussions && _anyDiscussionChangedAt > renderedFrom) ||
                page.Posts.Any(p => _postChangedAt.TryGetValue(p, out var at) && at > renderedFrom))
                return false;
            page.LastUsed = Environment.TickCount64;
            if (_pages.TryGetValue(key, out var old)) Forget(key, old);
            _pages[key] = page;
            foreach (var post in page.Posts)
            {
                if (!_byPost.TryGetValue(post, out var keys)) _byPost[post] = keys = [];
                keys.Add(key);
            }
            if (page.ShowsAllDiscussions) _allDiscussions.Add(key);
            // Compressed copies come later; count them now at the size they usually have.
            _bytes += page.Body.Length + page.Body.Length / 3;
            if (_bytes > Settings.MaxMegabytes * 1024L * 1024L) TrimLocked();
            return true;
        }
    }

    /// <summary>Drops what a change makes out of date. Called after the change is saved.</summary>
    public void Drop(ContentChange change)
    {
        lock (_lock)
        {
            var at = ++_changes;
            if (change.IsWholeSite)
            {
                _siteChangedAt = at;
                _pages.Clear();
                _byPost.Clear();
                _allDiscussions.Clear();
                _postChangedAt.Clear();
                _bytes = 0;
                return;
            }
            _anyDiscussionChangedAt = at;
            foreach (var key in _allDiscussions.ToList()) Remove(key);
            foreach (var post in change.DiscussionOfPosts)
            {
                _postChangedAt[post] = at;
                if (_byPost.Remove(post, out var keys))
                    foreach (var key in keys) Remove(key);
            }
        }
    }

    private void Remove(PageKey key)
    {
        if (_pages.TryRemove(key, out var page)) Forget(key, page);
    }

    private void Forget(PageKey key, CachedPage page)
    {
        _bytes -= page.Body.Length + page.Body.Length / 3;
        _allDiscussions.Remove(key);
        foreach (var post in page.Posts)
            if (_byPost.TryGetValue(post, out var keys) && keys.Remove(key) && keys.Count == 0) _byPost.Remove(post);
    }

    /// <summary>Over budget: drops the least recently served quarter (and anything expired).</summary>
    private void TrimLocked()
    {
        var now = _clock.GetUtcNow();
        var byAge = _pages.OrderBy(p => p.Value.LastUsed).ToList();
        var toDrop = Math.Max(1, byAge.Count / 4);
        foreach (var (key, page) in byAge)
        {
            if (toDrop <= 0 && page.ExpiresAt > now) continue;
            Remove(key);
            toDrop--;
        }
    }
}

/// <summary><c>Parley:PageCache</c>: keeping rendered pages in memory for visitors with nothing personal on them.</summary>
public sealed class PageCacheSettings
{
    /// <summary>Off only to measure rendering itself (the benchmarks' "uncached" runs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory for kept pages and their compressed copies; the least recently served go first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 65_536)] public int MaxMegabytes { get; set; } = 128;

    /// <summary>
    /// The longest a page is kept. Changes drop pages at once; this only bounds what changes by the clock
    /// (the footer's year) and, without <c>Parley:Redis</c>, edits made by another Parley process on the same database.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86_400)] public int MaxSeconds { get; set; } = 600;
}
