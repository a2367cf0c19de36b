using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Testing;

namespace Parley.Web.Tests.Import;

/// <summary>After moving in, the old site's links still work: pretty permalinks and WordPress's short links answer 301.</summary>
public sealed class ImportedLinksTests(ImportApps apps) : IClassFixture<ImportApps>
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task Old_permalinks_and_short_links_redirect_to_the_imported_posts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>().FindByNameAsync(ParleyApp.AdminEmail);
            await using var file = File.OpenRead(Path.Combine(TestData.Root, "wxr", "theme-test-data", "themeunittestdata.wordpress.xml"));
            var report = await scope.ServiceProvider.GetRequiredService<WordPressImporter>().ImportAsync(file, new ImportOptions { ImportingUserId = admin!.Id });
            Assert.True(report.Completed);
        }
        var client = app.CreatePlainClient();
        foreach (var old in new[] { "/2010/09/10/post-format-gallery/", "/?p=555", "/level-1/level-2/level-3/" })
        {
            var response = await client.GetAsync(old);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{old} answered {(int)response.StatusCode}");
            var target = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        }
        // A short link for no imported post is the home page, as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?p=99999999")).StatusCode);
    }
}

public sealed class ImportApps : ParleyApps;
