import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom has no layout; scroll restoration only needs the call to exist.
window.scrollTo = () => {};

// A loaded two-core CI machine needs more than the default second for lazy routes.
configure({ asyncUtilTimeout: 3000 });
