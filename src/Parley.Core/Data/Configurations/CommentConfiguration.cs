using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Comments;

namespace Parley.Core.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.AuthorName).HasMaxLength(CommentLimits.Name);
        comment.Property(c => c.AuthorEmail).HasMaxLength(CommentLimits.Email);
        comment.Property(c => c.AuthorUrl).HasMaxLength(CommentLimits.Website);
        comment.Property(c => c.AuthorVia).HasMaxLength(100);
        comment.Property(c => c.AvatarKey).HasMaxLength(64);
        comment.Property(c => c.AuthorIp).HasMaxLength(45);
        comment.Property(c => c.UserAgent).HasMaxLength(CommentLimits.UserAgent);
        comment.Property(c => c.BodySource).HasMaxLength(CommentLimits.Body);
        comment.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        // Replies are removed with their parent by the service, so the database never needs to cascade a tree.
        comment.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // A post's thread in order; the moderation queue by status and age; trust by commenter.
        comment.HasIndex(c => new { c.PostId, c.Status, c.CreatedAt });
        comment.HasIndex(c => new { c.Status, c.CreatedAt });
        comment.HasIndex(c => new { c.AuthorEmail, c.Status });
        comment.Property(c => c.BodyHash).HasMaxLength(32);
        comment.HasIndex(c => new { c.PostId, c.BodyHash });
    }
}
