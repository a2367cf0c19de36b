using Microsoft.AspNetCore.Identity;
using Parley.Core.Accounts;

namespace Parley.Core.Tests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private static ParleyUser Annabel() => new()
    {
        UserName = "annabelwriter2026",
        Email = "annabel.writer@example.org",
        DisplayName = "Annabel Writer",
        Slug = "annabel-writer",
    };

    private static string[] Codes(IdentityResult result) => [.. result.Errors.Select(e => e.Code)];

    [Fact]
    public void The_whole_list_is_loaded() => Assert.True(CommonPasswordValidator.ListCount >= 10_000, $"{CommonPasswordValidator.ListCount} entries");

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("qwerty")]
    [InlineData("iloveyou")]
    [InlineData("eyphed")] // the last line of the file
    public void Common_passwords_are_refused(string password)
    {
        var result = CommonPasswordValidator.Validate(Annabel(), password);
        Assert.False(result.Succeeded);
        Assert.Equal([CommonPasswordValidator.CommonPasswordCode], Codes(result));
    }

    [Fact]
    public void At_least_3000_entries_are_as_long_as_Parleys_minimum() =>
        Assert.True(CommonPasswordValidator.CountOfAtLeast(12) >= 3_000, $"{CommonPasswordValidator.CountOfAtLeast(12)} entries of 12+ characters");

    // From common-long-passwords.txt, none of them on the 10,000 list.
    [Theory]
    [InlineData("password1234")] // xato-net 100k, NCSC and the German list
    [InlineData("1qaz2wsx3edc")] // the first lines of xato-net 100k
    [InlineData("qwertyuiopasdfgh")] // xato-net 100k and the Chinese list
    [InlineData("ichliebedich123")] // the German list
    [InlineData("Weihnachtsbaum")] // the German list, with a capital as it stands there
    public void Common_long_passwords_are_refused(string password)
    {
        Assert.True(password.Length >= 12);
        Assert.Equal([CommonPasswordValidator.CommonPasswordCode], Codes(CommonPasswordValidator.Validate(Annabel(), password)));
    }

    [Theory]
    [InlineData("unbelievable")]
    [InlineData("contortionist")]
    [InlineData("films+pic+galeries")]
    public void Common_passwords_of_twelve_or_more_characters_are_refused(string password)
    {
        Assert.True(password.Length >= 12);
        Assert.Equal([CommonPasswordValidator.CommonPasswordCode], Codes(CommonPasswordValidator.Validate(Annabel(), password)));
    }

    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("Password1")]
    [InlineData("  password1  ")]
    [InlineData("\tQwerty\n")]
    [InlineData(" Unbelievable ")]
    public void Case_and_surrounding_white_space_do_not_hide_a_common_password(string password) =>
        Assert.Equal([CommonPasswordValidator.CommonPasswordCode], Codes(CommonPasswordValidator.Validate(Annabel(), password)));

    [Theory]
    [InlineData("violet kettle hums at noon")]
    [InlineData("correct horse battery staple")]
    [InlineData("annabel.writer@example.org!")]
    public void Uncommon_passphrases_are_accepted(string password) =>
        Assert.True(CommonPasswordValidator.Validate(Annabel(), password).Succeeded);

    [Theory]
    [InlineData("annabel.writer@example.org")]
    [InlineData("ANNABEL.WRITER@EXAMPLE.ORG")]
    [InlineData("annabel.writer")]
    [InlineData(" Annabel.Writer ")]
    [InlineData("annabelwriter2026")]
    [InlineData("annabel writer")]
    public void The_email_its_local_part_and_the_names_are_refused(string password)
    {
        var result = CommonPasswordValidator.Validate(Annabel(), password);
        Assert.Equal([CommonPasswordValidator.PersonalPasswordCode], Codes(result));
        Assert.Contains("email", result.Errors.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_common_password_that_is_also_the_user_name_gets_both_reasons()
    {
        var user = Annabel();
        user.UserName = "superman";
        Assert.Equal([CommonPasswordValidator.CommonPasswordCode, CommonPasswordValidator.PersonalPasswordCode],
            Codes(CommonPasswordValidator.Validate(user, "Superman")));
    }

    [Fact]
    public void Users_without_an_email_are_checked_against_what_they_have()
    {
        var user = Annabel();
        user.Email = null;
        Assert.True(CommonPasswordValidator.Validate(user, "annabel.writer").Succeeded);
        Assert.False(CommonPasswordValidator.Validate(user, "annabelwriter2026").Succeeded);
    }

    [Fact]
    public async Task Identity_gets_a_readable_message()
    {
        // The validator reads only the user, so Identity's user manager is not needed here.
        var result = await new CommonPasswordValidator().ValidateAsync(null!, Annabel(), "letmein");
        var error = Assert.Single(result.Errors);
        Assert.Equal("This password is on a list of the most common passwords. Choose another.", error.Description);
    }
}
