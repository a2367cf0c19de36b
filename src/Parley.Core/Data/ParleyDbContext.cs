using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Data;

/// <summary>The one database context. Each entity is configured in its own class under Configurations/.</summary>
public class ParleyDbContext(DbContextOptions<ParleyDbContext> options) : IdentityDbContext<ParleyUser>(options)
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
