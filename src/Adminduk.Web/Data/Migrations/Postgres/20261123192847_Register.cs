using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Adminduk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FatherId",
                table: "Residents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MotherId",
                table: "Residents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResidentVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Nik = table.Column<string>(type: "character(16)", fixedLength: true, maxLength: 16, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthPlace = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Religion = table.Column<int>(type: "integer", nullable: false),
                    MaritalStatus = table.Column<int>(type: "integer", nullable: false),
                    Education = table.Column<int>(type: "integer", nullable: false),
                    Occupation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Citizenship = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DeceasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MovedOutOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MovedToRegionCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    HouseholdId = table.Column<int>(type: "integer", nullable: true),
                    KkNumber = table.Column<string>(type: "character(16)", fixedLength: true, maxLength: 16, nullable: true),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    RelationshipToHead = table.Column<int>(type: "integer", nullable: false),
                    RtUnitId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentVersions_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ResidentVersions_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResidentVersions_RtUnits_RtUnitId",
                        column: x => x.RtUnitId,
                        principalTable: "RtUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_FatherId",
                table: "Residents",
                column: "FatherId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_MotherId",
                table: "Residents",
                column: "MotherId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVersions_HouseholdId",
                table: "ResidentVersions",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVersions_ResidentId_ValidFrom",
                table: "ResidentVersions",
                columns: new[] { "ResidentId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVersions_RtUnitId",
                table: "ResidentVersions",
                column: "RtUnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Residents_Residents_FatherId",
                table: "Residents",
                column: "FatherId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Residents_Residents_MotherId",
                table: "Residents",
                column: "MotherId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Residents_Residents_FatherId",
                table: "Residents");

            migrationBuilder.DropForeignKey(
                name: "FK_Residents_Residents_MotherId",
                table: "Residents");

            migrationBuilder.DropTable(
                name: "ResidentVersions");

            migrationBuilder.DropIndex(
                name: "IX_Residents_FatherId",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Residents_MotherId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "FatherId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "MotherId",
                table: "Residents");
        }
    }
}
