using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Posts;

namespace Parley.Core.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Name).HasMaxLength(200);
        tag.Property(t => t.Slug).HasMaxLength(200);
        tag.HasIndex(t => t.Slug).IsUnique();
    }
}
