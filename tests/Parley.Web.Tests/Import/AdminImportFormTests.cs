using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Import;

/// <summary>The admin import page offers the same choice for images as the command line: link (the default) or download.</summary>
public sealed class AdminImportFormTests(ParleyApps apps) : IClassFixture<ParleyApps>
{
    [Fact]
    public async Task The_import_form_offers_linking_or_downloading_images()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var page = await HtmlPage.GetAsync(await StaffClient.SignInAsync(app), "/admin/import");
        var choices = page.QuerySelectorAll("form[action='/admin/import/upload'] input[name='media'][type='radio']").ToList();
        Assert.Equal(["link", "download"], choices.Select(c => c.GetAttribute("value")));
        Assert.True(choices[0].HasAttribute("checked"));
        Assert.All(choices, c => Assert.NotNull(page.QuerySelector($"label[for='{c.Id}']")));
    }
}
