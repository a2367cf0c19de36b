using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Testing;

namespace Parley.Core.Tests.Accounts;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA1 column: the key is the ASCII of "12345678901234567890".
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(expected, Totp.Code(key, at, digits: 8));
        Assert.Equal(expected[^6..], Totp.Code(key, at));
    }

    [Fact]
    public void Base32_keys_decode_whatever_their_case_spacing_or_padding()
    {
        // RFC 4648 §10: BASE32("12345678901234567890") with its padding.
        const string canonical = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(key, Totp.Base32Decode(canonical));
        Assert.Equal(key, Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Equal(Encoding.ASCII.GetBytes("fooba"), Totp.Base32Decode("MZXW6YTB"));
        Assert.Equal(Encoding.ASCII.GetBytes("foob"), Totp.Base32Decode("MZXW6YQ="));
        Assert.Equal(Encoding.ASCII.GetBytes("foob"), Totp.Base32Decode("mzxw6yq"));
        Assert.Equal(Encoding.ASCII.GetBytes("f"), Totp.Base32Decode("MY======"));
        var at = DateTimeOffset.FromUnixTimeSeconds(59);
        Assert.Equal("287082", Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", at));
    }

    [Fact]
    public void Characters_outside_the_alphabet_are_an_error() =>
        Assert.Throws<FormatException>(() => Totp.Base32Decode("GEZDGNBV1"));

    [Fact]
    public async Task Identity_accepts_the_code_for_a_key_it_issued()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIdentityCore<ParleyUser>()
            .AddUserStore<AuthenticatorKeyStore>()
            .AddTokenProvider<AuthenticatorTokenProvider<ParleyUser>>(TokenOptions.DefaultAuthenticatorProvider);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var user = new ParleyUser { UserName = "ada@example.com", DisplayName = "Ada", Slug = "ada" };

        Assert.True((await manager.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        Assert.NotNull(key);
        // The way the enable-authenticator page shows it: lower case, in groups of four.
        var shown = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

        // Identity compares with the real clock, allowing two 30-second steps either side.
        var now = DateTimeOffset.UtcNow;
        Assert.True(await manager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(shown, now)));
        Assert.False(await manager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Code(shown, now.AddMinutes(10))));
    }

    /// <summary>Just enough of a user store for Identity to issue and read an authenticator key.</summary>
    private sealed class AuthenticatorKeyStore : IUserAuthenticatorKeyStore<ParleyUser>
    {
        private readonly Dictionary<string, string> _keys = [];

        public Task SetAuthenticatorKeyAsync(ParleyUser user, string key, CancellationToken ct)
        {
            _keys[user.Id] = key;
            return Task.CompletedTask;
        }

        public Task<string?> GetAuthenticatorKeyAsync(ParleyUser user, CancellationToken ct) => Task.FromResult(_keys.GetValueOrDefault(user.Id));
        public Task<string> GetUserIdAsync(ParleyUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(ParleyUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task<string?> GetNormalizedUserNameAsync(ParleyUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);

        public Task SetUserNameAsync(ParleyUser user, string? userName, CancellationToken ct)
        {
            user.UserName = userName;
            return Task.CompletedTask;
        }

        public Task SetNormalizedUserNameAsync(ParleyUser user, string? normalizedName, CancellationToken ct)
        {
            user.NormalizedUserName = normalizedName;
            return Task.CompletedTask;
        }

        public Task<IdentityResult> UpdateAsync(ParleyUser user, CancellationToken ct) => Task.FromResult(IdentityResult.Success);
        public Task<ParleyUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult<ParleyUser?>(null);
        public Task<IdentityResult> CreateAsync(ParleyUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(ParleyUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<ParleyUser?> FindByIdAsync(string userId, CancellationToken ct) => throw new NotSupportedException();
        public void Dispose() { }
    }
}
