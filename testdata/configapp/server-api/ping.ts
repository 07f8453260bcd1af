export default () => "pong";
