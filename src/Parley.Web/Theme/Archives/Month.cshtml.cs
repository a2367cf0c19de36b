using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

/// <summary>Posts of one month, cut in the site's time zone. Impossible months are 404s.</summary>
public sealed class MonthModel(PostQueries queries) : ListingPageModel(queries)
{
    public Task<IActionResult> OnGetAsync(int year, int month)
    {
        if (year is < 1970 or > 9998 || month is < 1 or > 12) return Task.FromResult<IActionResult>(NotFound());
        var start = new DateTime(year, month, 1);
        Heading = start.ToString("MMMM yyyy", Site.Culture);
        Intro = $"Posts from {Heading}.";
        return ListAsync(new PostFilter { FromUtc = ToUtc(start), ToUtc = ToUtc(start.AddMonths(1)) }, PostUrls.Month(year, month));
    }

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(local, Site.Zone);
}
