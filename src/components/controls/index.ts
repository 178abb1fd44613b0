export { ParamControls, ParamControl, type ParamControlsProps } from './ParamControls';
export { ParamSlider, sliderTrack, type ParamSliderProps, type SliderSpec } from './ParamSlider';
export { ParamSelect } from './ParamSelect';
export { TableControls, type TableControlsProps } from './TableControls';
export { IgnoredNotice } from './IgnoredNotice';
export { DismissibleNotice } from './DismissibleNotice';
export { usePickStart } from './usePickStart';
