// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title NoReturnToken
/// @notice A USDT-style ERC-20 whose transfer, transferFrom and approve return nothing (tests only).
///         SafeERC20 must accept it; a plain `IERC20.transfer` call would fail to decode the missing bool.
///         It reverts (with a custom error) on a short balance or allowance.
/// @dev Lower-case constants on purpose: they are the ERC-20 getters `name()`, `symbol()`, `decimals()`.
contract NoReturnToken {
    error NoReturnToken_InsufficientAllowance();
    error NoReturnToken_InsufficientBalance();

    // solhint-disable-next-line const-name-snakecase
    string public constant name = "No Return Token";
    // solhint-disable-next-line const-name-snakecase
    string public constant symbol = "NRT";
    // solhint-disable-next-line const-name-snakecase
    uint8 public constant decimals = 6;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice Mints `amount` to `to`; anyone may call it.
    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    /// @notice Moves `amount` from the caller to `to`; returns nothing.
    function transfer(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
    }

    /// @notice Moves `amount` from `from` to `to` against the caller's allowance (an infinite allowance
    ///         is not spent); returns nothing.
    function transferFrom(address from, address to, uint256 amount) external {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed < amount) revert NoReturnToken_InsufficientAllowance();
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
    }

    /// @notice Sets the caller's allowance for `spender`; returns nothing.
    function approve(address spender, uint256 amount) external {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
    }

    function _move(address from, address to, uint256 amount) internal {
        if (balanceOf[from] < amount) revert NoReturnToken_InsufficientBalance();
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
