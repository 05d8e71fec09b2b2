# Loaded by Jekyll from the generated blog's _plugins/ (record.ts copies it there): after the build, writes what
# Jekyll made of every post, redirect page and feed to record.json beside the site folder.
require "json"

Jekyll::Hooks.register :site, :post_write do |site|
  dest = site.dest
  relative = ->(path) { path.delete_prefix(dest) }
  posts = site.posts.docs.map do |doc|
    {
      "source"     => doc.relative_path,
      "url"        => doc.url,
      "file"       => relative.call(doc.destination(dest)),
      "date"       => doc.date.iso8601,
      "instant"    => doc.date.to_i,
      "tags"       => doc.data["tags"],
      "categories" => doc.data["categories"],
      "slug"       => doc.data["slug"],
      "id"         => doc.id,
      "html"       => doc.content,
    }
  end
  redirects = site.pages.select { |page| page.is_a?(JekyllRedirectFrom::RedirectPage) }.map do |page|
    { "file" => relative.call(page.destination(dest)), "from" => page.redirect_from, "to" => page.redirect_to }
  end
  File.write(
    File.join(site.source, "..", "record.json"),
    JSON.pretty_generate({ "posts" => posts, "redirects" => redirects })
  )
end
