using Microsoft.Playwright;
using Parley.Testing;

namespace Parley.E2E;

/// <summary>A staff member signing in the way a person does: open the password section, type, press the button.</summary>
public static class StaffSignIn
{
    public static async Task SignInAsync(IPage page, string baseAddress, string returnUrl = "/admin",
        string email = ParleyApp.AdminEmail, string password = ParleyApp.AdminPassword)
    {
        await page.GotoAsync($"{baseAddress}/account/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await SignInHereAsync(page, email, password);
    }

    /// <summary>On the sign-in page already (say, sent there from the admin area).</summary>
    public static async Task SignInHereAsync(IPage page, string email = ParleyApp.AdminEmail, string password = ParleyApp.AdminPassword)
    {
        await page.GetByText("Staff: sign in with your password").ClickAsync();
        var form = page.Locator("form.auth__form--password");
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
    }
}
