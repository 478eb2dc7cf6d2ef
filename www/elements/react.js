// sdo-openness/react carries types only (react.d.ts): JSX typings for the two elements.
export {};
