using Microsoft.AspNetCore.Mvc;
using Parley.Core.Posts;

namespace Parley.Web.Theme.Archives;

public sealed class YearModel(PostQueries queries) : ListingPageModel(queries)
{
    public Task<IActionResult> OnGetAsync(int year)
    {
        if (year is < 1970 or > 9998) return Task.FromResult<IActionResult>(NotFound());
        var start = new DateTime(year, 1, 1);
        Heading = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Intro = $"Posts from {year}.";
        return ListAsync(new PostFilter
        {
            FromUtc = TimeZoneInfo.ConvertTimeToUtc(start, Site.Zone),
            ToUtc = TimeZoneInfo.ConvertTimeToUtc(start.AddYears(1), Site.Zone),
        }, PostUrls.Year(year));
    }
}
