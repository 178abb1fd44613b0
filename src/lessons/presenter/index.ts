export {
  usePresentation,
  usePresenterDocument,
  PRESENTER_FONT_SCALE,
  type Presentation,
} from './usePresentation';
export { PresenterBar, audienceLink, type PresenterBarProps } from './PresenterBar';
export { QrCode } from './QrCode';
export { HelpOverlay } from './HelpOverlay';
