using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Posts;

namespace Parley.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.Property(p => p.Title).HasMaxLength(300);
        post.Property(p => p.Slug).HasMaxLength(200);
        post.Property(p => p.Excerpt).HasMaxLength(2000);
        post.Property(p => p.ReaderQuestion).HasMaxLength(1000);
        post.HasIndex(p => new { p.Kind, p.Slug }).IsUnique();
        // Listings: published posts of a kind, newest first.
        post.HasIndex(p => new { p.Kind, p.Status, p.PublishedAt });
        // The sitemap: a kind's posts in publishing order with all a sitemap line needs, so a part of it (and the
        // index's "last change" of every part) is read from this index without opening the posts' rows.
        post.HasIndex(p => new { p.Kind, p.PublishedAt, p.Slug, p.Status, p.UpdatedAt });
        post.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        post.HasOne(p => p.FeaturedImage).WithMany().HasForeignKey(p => p.FeaturedImageId).OnDelete(DeleteBehavior.SetNull);
        post.HasMany(p => p.Categories).WithMany(c => c.Posts).UsingEntity("PostCategories");
        post.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
        post.Property(p => p.Version).IsConcurrencyToken();
        post.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostAutosaveConfiguration : IEntityTypeConfiguration<PostAutosave>
{
    public void Configure(EntityTypeBuilder<PostAutosave> autosave)
    {
        autosave.Property(a => a.UserId).HasMaxLength(450);
        autosave.Property(a => a.Title).HasMaxLength(300);
        autosave.Property(a => a.FieldsJson).HasMaxLength(20_000);
        autosave.HasIndex(a => new { a.PostId, a.UserId }).IsUnique();
        autosave.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
