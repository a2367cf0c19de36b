using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Xunit;

namespace Parley.Testing;

/// <summary>Signs staff in through the real sign-in form, and creates staff accounts for tests.</summary>
public static class StaffClient
{
    public static async Task<HttpClient> SignInAsync(ParleyApp app, string email = ParleyApp.AdminEmail, string password = ParleyApp.AdminPassword)
    {
        var client = app.CreatePlainClient();
        var form = await HtmlPage.GetAsync(client, "/account/signin");
        var token = form.QuerySelector("form.auth__form--password input[name=__parley_af]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__parley_af"] = token, ["Email"] = email, ["Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<string> CreateAsync(ParleyApp app, string email, string role, string password = "a long test password")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var user = new ParleyUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], Slug = Parley.Core.Posts.Slugs.FromText(email.Split('@')[0]) };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    /// <summary>Posts a form found on a page (by a CSS selector) with extra fields, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> fields)
    {
        var page = await HtmlPage.GetAsync(client, pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var values = FormFields.Collect(form, fields);
        var token = page.QuerySelector("input[name=__parley_af]")!.GetAttribute("value")!;
        if (!values.Any(v => v.Key == "__parley_af")) values.Add(new("__parley_af", token));
        await FormFields.FillBlanksAsync(client, values);
        var action = form.GetAttribute("action");
        var url = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
