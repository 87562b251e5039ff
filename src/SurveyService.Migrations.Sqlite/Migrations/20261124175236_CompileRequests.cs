using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CompileRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompiledRequest",
                table: "Analyses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Requested",
                table: "Analyses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompiledRequest",
                table: "Analyses");

            migrationBuilder.DropColumn(
                name: "Requested",
                table: "Analyses");
        }
    }
}
