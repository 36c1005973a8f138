// A self-signed certificate for 127.0.0.1 and localhost (valid 2000-2100) and its private key, made
// with openssl for the https mode of the test server only. The key is public on purpose: never
// trust this certificate outside tests.

/** PEM certificate of the test server's https mode; pass it as `ca` to trust the server. */
export const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIBATAKBggqhkjOPQQDAjAyMRwwGgYDVQQKDBNkbC1jb3Jl
IHRlc3Qgc2VydmVyMRIwEAYDVQQDDAkxMjcuMC4wLjEwIBcNMDAwMTAxMDAwMDAw
WhgPMjEwMDAxMDEwMDAwMDBaMDIxHDAaBgNVBAoME2RsLWNvcmUgdGVzdCBzZXJ2
ZXIxEjAQBgNVBAMMCTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
BBpgKArTy+g9huebHBSq8nXK6Po7I8+HU4ldGU3zcIUKRlMXE1g59/nldpgjP+WP
D3ZOXIHzO/+kfM/VCp3HKwejXjBcMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9z
dDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIChDAdBgNVHQ4EFgQUTY/J
hsS7+XXSngjcozlWD/Pt+SgwCgYIKoZIzj0EAwIDSAAwRQIgapbwdysUV3UruT0J
2hJObi4IJqmay53HQY1jFWevAgQCIQCv1P2tIf+90GG9mu1cKWjRVssAzAyEVTyI
5jquGareFw==
-----END CERTIFICATE-----
`;

/** PEM private key of {@link TEST_CERTIFICATE}. */
export const TEST_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKnpcPlWwZKRtAscl
io/VwTu+mWXhh/3m17Y0yQOFyeehRANCAAQaYCgK08voPYbnmxwUqvJ1yuj6OyPP
h1OJXRlN83CFCkZTFxNYOff55XaYIz/ljw92TlyB8zv/pHzP1QqdxysH
-----END PRIVATE KEY-----
`;
