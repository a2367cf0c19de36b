using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Data;

/// <summary>The one database context. Each entity is configured in its own class under Configurations/.</summary>
// The nine-type base is the one that knows about passkeys (IdentityUserPasskey, new in .NET 10).
public class ParleyDbContext(DbContextOptions<ParleyDbContext> options)
    : IdentityDbContext<ParleyUser, IdentityRole, string, IdentityUserClaim<string>, IdentityUserRole<string>,
        IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>, IdentityUserPasskey<string>>(options)
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<PathRedirect> PathRedirects => Set<PathRedirect>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<Comments.Comment> Comments => Set<Comments.Comment>();
    public DbSet<Comments.ModerationLogEntry> ModerationLog => Set<Comments.ModerationLogEntry>();
    public DbSet<Comments.CommentReaction> CommentReactions => Set<Comments.CommentReaction>();
    public DbSet<Import.ImportedItem> ImportedItems => Set<Import.ImportedItem>();

    public DbSet<Accounts.SignInProvider> SignInProviders => Set<Accounts.SignInProvider>();
    public DbSet<Accounts.SecurityEvent> SecurityEvents => Set<Accounts.SecurityEvent>();

    /// <summary>
    /// Identity's schema version 3 adds the passkeys table (WebAuthn, new in .NET 10). The framework
    /// reads the version from the app's services (AddParleyCore sets it); the design-time tools have
    /// none, so they get a small stand-in that names it, and every context builds the same model.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        var core = options.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>();
        if (core?.ApplicationServiceProvider is null) options.UseApplicationServiceProvider(IdentitySchema.Services);
    }

    private static class IdentitySchema
    {
        public static readonly IServiceProvider Services = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(
            Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<IdentityOptions>(
                new Microsoft.Extensions.DependencyInjection.ServiceCollection(), o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ParleyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // All times are stored as UTC. SQLite hands DateTime back as Unspecified, and Npgsql refuses
        // anything but Utc for timestamptz, so every DateTime goes through one converter.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
