import { londonTiles } from "../lib/london-tiles.js";

export interface Tile {
  readonly code: string;
  readonly name: string;
  /** A short word for the tile's state, shown in its legend and read out. */
  readonly state: string;
}

/**
 * The region's authorities as a tile map (London's 33 in their rough places; other regions
 * in a grid), coloured by state. The map is a list, so a screen reader reads every tile.
 */
export function TileMap({ tiles, label, states }: { tiles: readonly Tile[]; label: string; states: readonly { state: string; text: string }[] }) {
  const columns = 8;
  return (
    <div className="tile-map-block">
      <ul className="tile-map" aria-label={label}>
        {tiles.map((tile, index) => {
          const place = londonTiles[tile.code] ?? { column: index % columns, row: Math.floor(index / columns), short: tile.code.slice(-3) };
          return (
            <li
              key={tile.code}
              className={`tile tile-${tile.state}`}
              style={{ gridColumn: place.column + 1, gridRow: place.row + 1 }}
              title={`${tile.name}: ${states.find((s) => s.state === tile.state)?.text ?? tile.state}`}
              data-authority={tile.code}
              data-state={tile.state}
            >
              <span aria-hidden="true">{place.short}</span>
              <span className="visually-hidden">
                {tile.name}: {states.find((s) => s.state === tile.state)?.text ?? tile.state}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="legend" aria-label="Legend">
        {states.map((s) => (
          <li key={s.state}>
            <span className={`swatch tile-${s.state}`} aria-hidden="true" /> {s.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
