using Microsoft.Extensions.Caching.Memory;
using Parley.Core.Settings;

namespace Parley.Web.Theme;

/// <summary>
/// Page parts that stay the same until the content they show changes (navigation, sidebar, a post's neighbours
/// and related posts) are built once per version instead of queried on every request. Two versions, moved by
/// <see cref="ContentChanges"/>: the site's (any change but a discussion's) and the discussions' (any comment
/// change, for "Recent comments"). A comment therefore never rebuilds the sidebar, whose counts over every post
/// cost the most on a large site. A new version simply misses; old entries expire unused, and every entry within
/// <see cref="MaxAge"/>. Other Parley processes' changes move the versions too when they are heard over Redis
/// (<see cref="Caching.RedisChanges"/>); without it, MaxAge bounds what they can leave stale.
/// </summary>
public sealed class ContentVersionCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private readonly IMemoryCache _cache;
    private long _site;
    private long _discussions;

    public ContentVersionCache(IMemoryCache cache, ContentChanges changes)
    {
        _cache = cache;
        changes.Subscribe(change =>
        {
            if (change.IsWholeSite) Interlocked.Increment(ref _site);
            Interlocked.Increment(ref _discussions);
        });
    }

    /// <summary>A part that shows posts, pages and terms.</summary>
    public Task<T> GetAsync<T>(string part, Func<Task<T>> build) => GetOrBuildAsync($"site:{Interlocked.Read(ref _site)}:{part}", build);

    /// <summary>A part that shows comments from any post.</summary>
    public Task<T> GetDiscussionAsync<T>(string part, Func<Task<T>> build) => GetOrBuildAsync($"discussions:{Interlocked.Read(ref _discussions)}:{part}", build);

    private async Task<T> GetOrBuildAsync<T>(string key, Func<Task<T>> build) =>
        (await _cache.GetOrCreateAsync("parley:content:" + key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            return build();
        }))!;
}
