using Microsoft.AspNetCore.Mvc;
using Parley.Core.Search;

namespace Parley.Web.Theme;

/// <summary>Full-text search at /search?q=. Any text is accepted; only words are searched for.</summary>
public sealed class SearchModel(SearchService search) : ThemePageModel
{
    public const int PageSize = 10;

    public string Query { get; private set; } = "";
    public SearchResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var raw = Request.Query["q"];
        if (raw.Count > 1) return BadRequestPage("Search for one thing at a time.");
        Query = (raw.ToString() ?? "").Trim();
        if (Query.Length > SearchQuery.MaxInputLength) return BadRequestPage($"Searches are limited to {SearchQuery.MaxInputLength} characters.");
        if (!TryReadPageNumber(out var page, out var error)) return error!;

        Meta.Title = Query.Length > 0 ? $"Search: {Query}" : "Search";
        Meta.NoIndex = true;
        Meta.Canonical = Site.Absolute("/search");
        var parsed = SearchQuery.Parse(Query);
        if (parsed.IsEmpty) return Page();

        Results = await search.SearchAsync(parsed, page, PageSize, HttpContext.RequestAborted);
        if (page > Results.Hits.TotalPages) return NotFound();
        return Page();
    }
}
