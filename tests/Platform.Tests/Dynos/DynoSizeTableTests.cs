using Paas.Platform.Dynos;

namespace Paas.Platform.Tests.Dynos;

public sealed class DynoSizeTableTests
{
    [Fact]
    public void Default_table_has_herokus_sizes_with_memory_from_the_design()
    {
        var memory = DynoSizeTable.Default.Sizes.ToDictionary(s => s.Name, s => s.Memory);

        memory.Should().Equal(new Dictionary<string, string>
        {
            ["eco"] = "512Mi",
            ["basic"] = "512Mi",
            ["standard-1x"] = "512Mi",
            ["standard-2x"] = "1Gi",
            ["performance-m"] = "2560Mi",
            ["performance-l"] = "14Gi",
        });
    }

    [Fact]
    public void Overrides_replace_sizes_of_the_same_name_and_append_new_ones()
    {
        var table = DynoSizeTable.Default.WithOverrides([new DynoSize("standard-1x", "768Mi", "300m", "1"), new DynoSize("gpu-1x", "8Gi", "2", "2")]);

        table.Find("standard-1x")!.Memory.Should().Be("768Mi");
        table.Names.Should().EndWith("gpu-1x").And.HaveCount(7);
        DynoSizeTable.Default.Find("standard-1x")!.Memory.Should().Be("512Mi", "overriding must not change the default table");
    }

    [Fact]
    public void A_size_listed_twice_is_rejected_with_its_name()
    {
        var build = () => new DynoSizeTable([new DynoSize("eco", "512Mi", "250m", "1"), new DynoSize("eco", "1Gi", "250m", "1")]);

        build.Should().Throw<ArgumentException>().WithMessage("*\"eco\" is listed twice*");
    }
}
