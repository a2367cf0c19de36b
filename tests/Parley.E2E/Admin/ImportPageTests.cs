using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E.Admin;

/// <summary>An administrator imports a WordPress export from the browser and watches it finish.</summary>
public sealed class ImportPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_uploads_a_wordpress_export_and_reads_the_report()
    {
        await using var session = await browser.NewSessionAsync(nameof(An_administrator_uploads_a_wordpress_export_and_reads_the_report));
        var page = session.Page;
        await StaffSignIn.SignInAsync(page, browser.App.BaseAddress, "/admin/import");
        await page.GetByLabel("WordPress export (.xml, up to 512 MB)").SetInputFilesAsync(Path.Combine(TestData.Root, "wxr", "theme-test-data", "theme-preview.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        // The page refreshes itself while the import runs; the report appears when it is done.
        await Assertions.Expect(page.Locator(".import-report")).ToContainTextAsync("Imported theme-preview.xml", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".import-report")).ToContainTextAsync("posts");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the posts" }).ClickAsync();
        await Assertions.Expect(page.Locator(".admin-table tbody tr")).Not.ToHaveCountAsync(0);
        session.Passed();
    }
}
