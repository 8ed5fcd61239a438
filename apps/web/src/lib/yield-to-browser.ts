/** Ends the current task, so the browser can handle input and paint before the next piece of work. */
export const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
