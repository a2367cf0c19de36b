using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MediaVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Animated",
                table: "MediaItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "MediaItems",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoragePath",
                table: "MediaItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadedById",
                table: "MediaItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Variants",
                table: "MediaItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems",
                column: "UploadedById");

            migrationBuilder.AddForeignKey(
                name: "FK_MediaItems_AspNetUsers_UploadedById",
                table: "MediaItems",
                column: "UploadedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MediaItems_AspNetUsers_UploadedById",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_CreatedAt",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_UploadedById",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Animated",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "StoragePath",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "UploadedById",
                table: "MediaItems");

            migrationBuilder.DropColumn(
                name: "Variants",
                table: "MediaItems");
        }
    }
}
