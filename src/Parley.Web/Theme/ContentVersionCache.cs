using Microsoft.Extensions.Caching.Memory;

namespace Parley.Web.Theme;

/// <summary>
/// Page parts that stay the same until content changes (navigation, sidebar, a post's neighbours and
/// related posts) are built once per content version (<see cref="Parley.Core.Settings.SiteSettings.LastChange"/>)
/// instead of queried on every request. A new version simply misses; old entries expire unused.
/// </summary>
public sealed class ContentVersionCache(IMemoryCache cache)
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<T> GetAsync<T>(string part, SiteContext site, Func<Task<T>> build) =>
        (await cache.GetOrCreateAsync($"parley:content:{site.Settings.LastChange.Ticks}:{part}", entry =>
        {
            entry.SlidingExpiration = Idle;
            return build();
        }))!;
}
