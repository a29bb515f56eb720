/**
 * The site's headers as configuration for the web servers readers run themselves, made from the
 * same header map as _headers and the service worker (src/lab/isolation-headers.ts). Header values
 * here never hold a double quote (the CSP quotes with single quotes), so quoting them is plain.
 */
type HeaderMap = Readonly<Record<string, string>>;

function quoted(value: string): string {
  if (value.includes('"')) throw new Error(`a header value with a double quote cannot be written as-is: ${value}`);
  return `"${value}"`;
}

/** nginx: inside the `server` or `location` block that serves the site (`always`: on errors too). */
export function nginxSnippet(headers: HeaderMap): string {
  return (
    Object.entries(headers)
      .map(([name, value]) => `add_header ${name} ${quoted(value)} always;`)
      .join("\n") + "\n"
  );
}

/** Apache (mod_headers): in the site's <VirtualHost>, <Directory> or .htaccess. */
export function apacheSnippet(headers: HeaderMap): string {
  return [
    "<IfModule mod_headers.c>",
    ...Object.entries(headers).map(([name, value]) => `  Header always set ${name} ${quoted(value)}`),
    "</IfModule>",
    "",
  ].join("\n");
}
