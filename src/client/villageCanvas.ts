/**
 * One canvas over the map on which many villages are drawn at once, for the progress map at province
 * scale: 15,000 Leaflet marker elements take over a second to appear, one canvas a few milliseconds
 * (docs/performance.md, "Map at scale"). The layer only keeps the canvas over the map's view; what is
 * drawn, and where a click lands, is the progress map's (`paint`, `onClick`).
 */
import L from 'leaflet';

/** Draws on the canvas, whose top left corner is `topLeft` in the map's layer space. */
export type Paint = (context: CanvasRenderingContext2D, topLeft: L.Point, size: L.Point) => void;

export class VillageCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | undefined;
  private held = false;
  private readonly paint: Paint;
  private readonly onClick: ((point: L.Point) => void) | undefined;

  constructor(paint: Paint, onClick?: (layerPoint: L.Point) => void) {
    super();
    this.paint = paint;
    this.onClick = onClick;
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'progress-map-canvas leaflet-zoom-hide');
    // Decoration for assistive technology: the same villages are in the list and the division markers.
    canvas.setAttribute('aria-hidden', 'true');
    map.getPanes().overlayPane.append(canvas);
    this.canvas = canvas;
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.canvas = undefined;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    const events: Record<string, L.LeafletEventHandlerFn> = { moveend: () => this.redraw(), zoomend: () => this.redraw(), resize: () => this.redraw() };
    // A click on the map's background (the canvas lets pointers through): the village under it, if any.
    const onClick = this.onClick;
    if (onClick !== undefined) events.click = (event) => onClick((event as L.LeafletMouseEvent).layerPoint);
    return events;
  }

  /** Runs `change` (moves of the view, adding the layer) without drawing, then draws once. */
  hold(change: () => void): void {
    this.held = true;
    try {
      change();
    } finally {
      this.held = false;
    }
    this.redraw();
  }

  /** Draws again: after the view moved, or what is shown or its colours changed. */
  redraw(): void {
    if (this.held) return;
    const canvas = this.canvas;
    const map = this._map as L.Map | undefined;
    if (canvas === undefined || map === undefined) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    const context = canvas.getContext('2d');
    if (context === null) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.x, size.y);
    this.paint(context, topLeft, size);
  }
}
