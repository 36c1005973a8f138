// Small bzip2 and xz files made with the bzip2 and xz command-line tools (no JavaScript encoder of
// those formats is needed at run time). TAR_*: a ustar archive of data/a.txt ('alpha\n') and
// data/sub/b.txt ('beta\n'); NOTE_*: the text 'hello, compressed world\n'.

export const TAR_BZ2 = Buffer.from(
  'QlpoOTFBWSZTWS0FQVsAAP77kMmQAkBAAf+AEYh2RN5ABAAAiDAA2AYNNGmmExMmAgaYYNNGmmExMmAgaYFUSNFPJomTQzKMgempt+obmTkuKsJIib4giK8OPK8l5KD8Lje51sMCISQ0UhHxSZTLmxqREkhHTrppgdCSGQvOMlhyihbwshO5pUq3qumFLmltpZDFbKTGg755yeJO5Zqt7TtOeunyNRrYZnU3GS4bPF5seEtjm9iD/F3JFOFCQLQVBWw=',
  'base64',
);
export const TAR_XZ = Buffer.from(
  '/Td6WFoAAATm1rRGAgAhARwAAAAQz1jM4Cf/AK5dADIYSu6W0qWiH7bJLNvG6hFHO8Q+//qBQDcUpL6fn62iUVJb5qTD272zxvWOk+s3vxBWvVS8m1iHFmI/dnP28jn0p3m3/GbsPJLex9pd6SjERiEBG9oPDFkzMfBY6vwZPAWSgiugnvwVIYuNPDrfi54+tosGzFoTLI8WChYhtzIpReTA9e2HegGX91NpGW/1dPRgVXRcWZknJ27a4rTf0rVXh7HLRrEegNWxARFCYAAAAGV+Pp1ELCx7AAHKAYBQAAA0WKPPscRn+wIAAAAABFla',
  'base64',
);
export const NOTE_BZ2 = Buffer.from(
  'QlpoOTFBWSZTWYtyIj8AAAVRgAAQQAQORtiAIAAimj0nqek9IQAABuEOlpqBJirdzR98XckU4UJCLciI/A==',
  'base64',
);
export const NOTE_XZ = Buffer.from(
  '/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQAXaGVsbG8sIGNvbXByZXNzZWQgd29ybGQKADFQs+vV2SbHAAEwGI4brOwftvN9AQAAAAAEWVo=',
  'base64',
);
