using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Import;
using Parley.Core.Media;
using Parley.Core.Notifications;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Testing;
using Parley.Web.Auth.Providers;

namespace Parley.Web.Tests.Archive;

/// <summary>
/// A site with a bit of everything an archive must carry: the demo content and the WordPress theme unit
/// test data, comments in every state with replies, a reader signed in through GitHub, a passkey, an API
/// token, a sign-in provider with a sealed secret, an uploaded picture as a featured image, changed settings.
/// </summary>
public static class RichSite
{
    public const string DiscussedPost = "/2026/10/a-note-from-the-repair-cafe-the-toaster-that-wouldnt";

    public static async Task FillAsync(ParleyApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ParleyDbContext>();
        var now = DateTime.UtcNow;
        var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();

        await using (var wxr = File.OpenRead(Path.Combine(TestData.Root, "wxr", "theme-test-data", "themeunittestdata.wordpress.xml")))
            await sp.GetRequiredService<WordPressImporter>().ImportAsync(wxr, new ImportOptions { ImportingUserId = adminId });

        var users = sp.GetRequiredService<UserManager<ParleyUser>>();
        var reader = new ParleyUser { UserName = "rita@example.net", Email = "rita@example.net", EmailConfirmed = true, DisplayName = "Rita Reader", Slug = "rita-reader", CreatedAt = now };
        Assert.True((await users.CreateAsync(reader)).Succeeded);
        Assert.True((await users.AddLoginAsync(reader, new UserLoginInfo("ext-github", "gh-4242", "GitHub"))).Succeeded);
        db.Set<IdentityUserPasskey<string>>().Add(new IdentityUserPasskey<string>
        {
            UserId = reader.Id, CredentialId = [1, 2, 3, 4, 5],
            Data = new IdentityPasskeyData
            {
                PublicKey = [9, 8, 7], Name = "Rita's laptop", CreatedAt = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), SignCount = 7,
                IsUserVerified = true, IsBackupEligible = true, IsBackedUp = false, AttestationObject = [4, 4], ClientDataJson = [5, 5], Transports = ["usb", "nfc"],
            },
        });

        var slug = DiscussedPost.Split('/')[^1];
        var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        var comments = sp.GetRequiredService<CommentService>();
        var moderation = sp.GetRequiredService<CommentModeration>();
        var scopeAll = new ModeratorScope(adminId, true);
        async Task<int> Post(string body, string name, int? parent = null, CommenterContext? who = null) =>
            (await comments.PostAsync(new CommentInput { PostId = postId, ParentId = parent, Name = name, Email = name.Split(' ')[0].ToLowerInvariant() + "@example.org", Body = body },
                who ?? new CommenterContext("203.0.113.7", "Archive test browser"))).Id;
        var approved = await Post("The toaster lives! **Well done.**", "Alma Approved");
        await moderation.ApplyAsync(scopeAll, [approved], ModerationAction.Approve);
        var reply = await Post("A reply, threaded under Alma.", "Bruno Reply", approved);
        await moderation.ApplyAsync(scopeAll, [reply], ModerationAction.Approve);
        var deeper = await Post("And a reply to the reply <with> & markup.", "Cleo Deeper", reply);
        await moderation.ApplyAsync(scopeAll, [deeper], ModerationAction.Approve);
        await moderation.ApplyAsync(scopeAll, [approved], ModerationAction.Pin);
        var spam = await Post("Cheap watches http://spam.example", "Spam Bot");
        await moderation.ApplyAsync(scopeAll, [spam], ModerationAction.Spam);
        var trash = await Post("Something regrettable.", "Trish Trash");
        await moderation.ApplyAsync(scopeAll, [trash], ModerationAction.Trash);
        await Post("Waiting for a moderator.", "Peter Pending");
        var byReader = await Post("Signed in through GitHub.", "Rita Reader", who: new CommenterContext("198.51.100.2", "Rita's browser", UserId: reader.Id, Via: "GitHub"));
        await moderation.ApplyAsync(scopeAll, [byReader], ModerationAction.Approve);
        db.Add(new CommentReaction { CommentId = approved, Kind = ReactionKind.Like, ReaderKey = "reader-key-1", CreatedAt = now });
        db.Add(new CommentSubscription { PostId = postId, Scope = SubscriptionScope.Thread, Email = "alma@example.org", Token = "subscription-token-1", CreatedAt = now, ConfirmedAt = now });

        var picture = await sp.GetRequiredService<MediaLibrary>().UploadAsync(new MemoryStream(TestImages.Png(640, 480)), "cafe.png", "image/png",
            Path.Combine(app.DataPath, "media"), adminId);
        var post = await db.Posts.AsTracking().SingleAsync(p => p.Id == postId);
        post.FeaturedImageId = picture.Id;
        db.Add(new PostAutosave { PostId = postId, UserId = adminId, Title = "Unsaved title", BodySource = "typing…", BaseVersion = post.Version, SavedAt = now });

        db.SignInProviders.Add(new SignInProvider
        {
            Key = "github", Kind = SignInProviderKind.OAuth, Preset = "github", DisplayName = "GitHub", ClientId = "client-id-1",
            ClientSecretProtected = sp.GetRequiredService<SignInProviderRegistry>().Protect("the client secret"), Enabled = false, UpdatedAt = now,
        });
        db.Add(new Invitation { Email = "new.editor@example.com", Role = "Editor", TokenHash = "invitation-hash", InvitedById = adminId, CreatedAt = now, ExpiresAt = now.AddDays(7) });
        await db.SaveChangesAsync();

        await sp.GetRequiredService<ApiTokens>().CreateAsync(adminId, "deploy", canWrite: true);
        await sp.GetRequiredService<SettingsService>().SaveAsync(s =>
        {
            s.Title = "The Archived Site";
            s.Tagline = "Everything, twice";
            s.CommentThreadDepth = 4;
            s.SmtpPassword = "smtp secret";
            s.CommentBlockList = "casino\nwatches";
        }, now);
    }
}
