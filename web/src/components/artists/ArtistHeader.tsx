import "@/styles/artist-profile.css";
import { Address } from "@/components/ui";
import { Avatar } from "@/components/site/Avatar";
import { formatDate } from "@/lib/format";
import type { ArtistProfile } from "@/lib/media/profile";

/** The top of an artist's page: banner, avatar, name, handle, bio and links from its profile document. */
export function ArtistHeader({
  artist,
  profile,
}: {
  artist: { id: string; handle: string; registeredAt: string };
  profile: ArtistProfile;
}) {
  return (
    <header className="artist-header">
      {profile.banner ? <img className="artist-banner" src={profile.banner} alt="" /> : null}
      <div className="row artist-header-main">
        {profile.avatar ? (
          <img
            className="artist-avatar"
            src={profile.avatar}
            alt={`${profile.name ?? artist.handle}'s avatar`}
            width={96}
            height={96}
          />
        ) : (
          <Avatar handle={artist.handle} id={artist.id} large />
        )}
        <div style={{ minWidth: 0 }}>
          <h1 style={{ marginBottom: 4 }}>{profile.name ?? artist.handle}</h1>
          <p className="muted" style={{ margin: 0 }}>
            @{artist.handle} · <Address address={artist.id} copy /> · joined {formatDate(artist.registeredAt)}
          </p>
          {profile.bio ? <p className="artist-bio">{profile.bio}</p> : null}
          {profile.links.length ? (
            <ul className="artist-links" aria-label="Links">
              {profile.links.map((link) => (
                <li key={link}>
                  <a href={link} rel="noopener noreferrer nofollow ugc">
                    {new URL(link).hostname.replace(/^www\./, "")}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </header>
  );
}
